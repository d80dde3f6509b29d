"""Developer sessions: `nox -s tests`, `nox -s lint`, `nox -s bench`, `nox -s rules`, `nox -s screenshots`."""

import nox

nox.options.sessions = ["tests", "lint"]


@nox.session
def tests(session):
    """The test suite (PostgreSQL too when AUDITOR_TEST_POSTGRES_URL is set)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session):
    session.install("ruff")
    session.run("ruff", "check", "auditor", "rules", "tests", "benchmarks", "noxfile.py")


@nox.session
def rules(session):
    """Every rule's examples and fixtures, as a researcher runs them."""
    session.install("-e", ".")
    session.run("audit", "rules", "test")


@nox.session
def bench(session):
    """Benchmarks: throughput, scaling, HTML extraction, quote clustering, echo graph."""
    session.install("-e", ".[test]")
    session.run("python", "benchmarks/run_all.py", *session.posargs)


@nox.session
def screenshots(session):
    """Refresh docs/screenshots/ (the README's pictures) from the report of the seeds, in Chromium."""
    session.install("-e", ".[test]")
    session.run("pytest", "-m", "screenshots", "tests/test_report_browser.py",
                env={"AUDITOR_SCREENSHOTS_DIR": "docs/screenshots"})

"""The citation and echo graph: who cites whom, who copies whom.

``build_graph(run, corpus)`` turns a run into a ``networkx.MultiDiGraph``:

nodes (attribute ``kind``; every node has a ``label``)
    ``outlet:<name>``   an outlet (``score``, ``articles``)
    ``article:<id>``    an article (``outlet``, ``score``, ``title``, ``published``, ``words``)
    ``source:<key>``    a source an article names: person, agency, broadcaster, social account...
                        (``source_type``, ``mentions``, ``aliases``); a speaker known only from
                        a chain gets a node too

edges (attribute ``kind``; every edge has a ``weight``; the edge key is the kind)
    ``publishes``  outlet -> article
    ``cites``      article -> source, one per source, weight = mentions; ``via`` lists the attribution
                   kinds (direct, relayed); ``evidence`` the attribution spans
                   outlet -> source, one per source the outlet names in any way (photo credits
                   included), weight = mentions over its articles, ``via`` the kinds, ``articles``
    ``credits``    article -> source for photo and video credits ("Andrii Nesterenko / AFP")
    ``relays``     intermediary -> speaker, from an attribution chain ("X said, Y reported")
    ``echoes``     copy article -> source article it reuses text of (``auditor.corpus.reuse``),
                   weight = shared words; ``directed`` (False: the direction is not known),
                   ``copy_share``, ``source_share``, ``direction_by``, ``evidence`` the passages

Vague attributions ("according to reports") name no one and have no node. Source ids are normalised
(case, a leading "the ", "@" and "/X"-style platform suffixes, possessives), and a bare surname joins
the one full name in the run that ends with it, so one source is one node across articles.

``graph_to_dict(G)`` is the JSON export; ``write_graph(G, path, fmt)`` writes gexf, graphml or json;
``graph_metrics(G)`` computes what a researcher asks of the echo graph (see its docstring).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from .models import Article, Attribution, RunResult

PLATFORMS = ("x", "twitter", "telegram", "facebook", "instagram", "youtube", "tiktok", "threads",
             "bluesky", "mastodon", "truth social", "linkedin")
_PLATFORM_RE = re.compile(r"\s*(?:/|\bon\b|\bvia\b|\()\s*(?:" + "|".join(re.escape(p) for p in PLATFORMS)
                          + r")\s*\)?\s*$", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")
_EDGE_PUNCT = " \t\n.,;:!?\"'()[]{}-–—«»“”‘’"
CITING_KINDS = ("direct", "relayed")


# -- ids -------------------------------------------------------------------------------------------------
@lru_cache(maxsize=1 << 16)  # a pure function of the name, asked for the same few names again and again
def source_key(name: str) -> str:
    """The normalised id of a source name: ``"The StratcomCentre/X"`` -> ``"stratcomcentre"``."""
    s = _SPACE_RE.sub(" ", name.replace("\u00a0", " ")).strip(_EDGE_PUNCT)
    s = _PLATFORM_RE.sub("", s).strip(_EDGE_PUNCT)
    s = s.lstrip("@")
    low = s.lower()
    if low.startswith("the "):
        low = low[4:]
    for suffix in ("'s", "’s"):
        if low.endswith(suffix):
            low = low[: -len(suffix)]
    return low.strip(_EDGE_PUNCT)


def outlet_id(name: str) -> str:
    return "outlet:" + _SPACE_RE.sub(" ", name.strip().lower())


def article_id(aid: str) -> str:
    return "article:" + aid


_OUTLET_TYPES = frozenset({"media", "agency", "broadcaster"})


def _with_article(name: str, text: str | None, start: int, end: int) -> str | None:
    """``"The " + name`` when the attribution's words write the outlet's name so, with a capital T ("The
    Harwick Chronicle reported", "according to The Harwick Chronicle"); None otherwise."""
    shown = _display(name)
    if not text or not shown:
        return None
    at = text.find("The " + shown, start, end)
    return "The " + shown if at >= 0 else None


def _display(name: str) -> str:
    s = _SPACE_RE.sub(" ", name).strip(_EDGE_PUNCT)
    s = _PLATFORM_RE.sub("", s).strip(_EDGE_PUNCT).lstrip("@")
    return s[4:] if s.lower().startswith("the ") else s


def _surname_map(names: dict[str, Counter], types: dict[str, Counter]) -> dict[str, str]:
    """Single-word keys that are the surname of exactly one multi-word person key, or the last word of exactly
    one multi-word outlet's, -> that key."""
    by_last: dict[str, set[str]] = defaultdict(set)
    for key in names:
        parts = key.split()
        if len(parts) >= 2 and types[key].most_common(1)[0][0] in ("person", None, "unknown"):
            by_last[parts[-1]].add(key)
    # an outlet's short name: "the Echo" for the Carrow Ford Echo, "the Dispatch" for the Vale Dispatch
    by_tail: dict[str, set[str]] = defaultdict(set)
    for key in names:
        parts = key.split()
        if len(parts) >= 2 and types[key].most_common(1)[0][0] in (*_OUTLET_TYPES, None, "unknown"):
            by_tail[parts[-1]].add(key)
    out = {}
    for key in names:
        if " " in key:
            continue
        kind = types[key].most_common(1)[0][0]
        if kind in ("person", None, "unknown") and len(by_last.get(key, ())) == 1:
            out[key] = next(iter(by_last[key]))
        elif kind in _OUTLET_TYPES and len(by_tail.get(key, ())) == 1:
            out[key] = next(iter(by_tail[key]))
    return out


_GENERIC_TAIL = frozenset({"news", "daily", "online", "tv", "radio", "weekly", "newspaper", "network", "digital",
                           "live", "today"})


@dataclass
class _RunOutlets:
    keys: dict[str, str]  # source_key(outlet) -> the outlet's name as the run gives it
    aliases: dict[str, str]  # a short form's key -> the outlet's key (only forms one outlet has)
    tails: dict[str, str]  # the last word of a name of two words or more -> the outlet's key (ditto)


def _run_outlets(run: RunResult) -> _RunOutlets:
    """The run's outlets by key, with the short forms a text names them by: the initials of three words or
    more ("MPA"), the name without a generic last word ("KBC" for KBC News), and its last word ("the
    Chronicle"), each kept only where one outlet of the run has it."""
    keys: dict[str, str] = {}
    for r in sorted(run.results, key=lambda r: r.article.id):  # (the first article's spelling, whatever the order)
        o = r.article.outlet
        if o and source_key(o) and source_key(o) not in keys:
            keys[source_key(o)] = o
    short: dict[str, set[str]] = defaultdict(set)
    tail: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        words = [w for w in k.split() if w not in ("of", "and", "&")]
        if len(words) >= 3:
            short["".join(w[0] for w in words)].add(k)
        if len(words) >= 2 and words[-1] in _GENERIC_TAIL:
            short[" ".join(k.split()[:-1])].add(k)
        if len(words) >= 2:
            tail[words[-1]].add(k)
    def one(forms: dict[str, set[str]]) -> dict[str, str]:
        return {a: next(iter(ks)) for a, ks in sorted(forms.items()) if len(ks) == 1 and a not in keys}

    return _RunOutlets(keys, one(short), one(tail))


def _outlet_alias(key: str, types: Counter, outlets: _RunOutlets) -> str | None:
    """The key of the run's outlet that the source key ``key`` names, or None."""
    if key in outlets.keys:
        return key
    if key in outlets.aliases:
        return outlets.aliases[key]
    kind = types.most_common(1)[0][0] if types else None
    if key in outlets.tails and kind in _OUTLET_TYPES:
        return outlets.tails[key]  # "the Chronicle reported": only a mention read as an outlet's
    return None


# -- building ------------------------------------------------------------------------------------------
def _attributions(result, corpus) -> list[Attribution]:
    if result.attributions:
        return list(result.attributions)
    if corpus is not None:
        doc = corpus.by_id.get(result.article.id)
        if doc is not None:
            try:
                return list(doc.attributions)
            except Exception:
                return []
    return []


def _named(att: Attribution) -> str | None:
    """The source an attribution names (None for a vague one)."""
    if att.kind == "vague" or not att.source or not source_key(att.source):
        return None
    return att.source


def _chain(att: Attribution) -> list[str]:
    """The people and channels a statement passed through, speaker first, platforms ("X") left out."""
    if att.kind in ("vague", "credit"):
        return []
    return [x for x in (att.chain or []) if x and source_key(x) and source_key(x) not in PLATFORMS]


def build_graph(run: RunResult, corpus=None, *, echoes: list | None = None,
                reuse_params: dict[str, Any] | None = None, reuse=None) -> nx.MultiDiGraph:
    """The citation and echo graph of a run. ``corpus`` (``auditor.corpus.Corpus``) supplies the
    documents for reuse detection (their quotations and boilerplate are masked); without it the
    articles are read bare. ``echoes`` skips detection and uses the given ``Echo`` list; ``reuse`` (a
    ``ReuseResult`` of ``detect_reuse``) skips it and uses that result's echoes and word counts."""
    G = nx.MultiDiGraph()
    G.graph["run_id"] = run.run_id

    # articles and outlets
    for r in run.results:
        a: Article = r.article
        node = article_id(a.id)
        G.add_node(node, kind="article", label=a.title or a.id, article=a.id, outlet=a.outlet or "",
                   score=float(r.score), title=a.title or "", published=a.published or "")
        if a.outlet:
            o = outlet_id(a.outlet)
            if o not in G:
                info = run.outlets.get(a.outlet, {})
                G.add_node(o, kind="outlet", label=a.outlet, score=float(info.get("score", 0.0)),
                           articles=0)
            G.nodes[o]["articles"] += 1
            G.add_edge(o, node, key="publishes", kind="publishes", weight=1)

    # sources: collect every mention first, so that one source is one node
    # (article id, name, the attribution's kind, start, end, cue and source type): what the edges below
    # read of it, not the attribution itself (held for every mention of the corpus at once)
    mentions: list[tuple[str, str, str, int, int, str, str | None]] = []
    names: dict[str, Counter] = defaultdict(Counter)
    types: dict[str, Counter] = defaultdict(Counter)
    strings: dict[str, str] = {}
    the_forms: dict[str, set[str]] = defaultdict(set)  # an outlet's name as written with its "The"
    for r in run.results:
        for att in _attributions(r, corpus):
            name = _named(att)
            if name is None:
                continue
            key = source_key(name)
            # one string object for each distinct name, kind and cue: every attribution decoded from its
            # packed form brings its own copies, and the edges' evidence holds them to the end of the build
            name, kind, cue = (strings.setdefault(x, x) for x in (name, att.kind, att.cue))
            mentions.append((r.article.id, name, kind, att.start, att.end, cue, att.source_type))
            names[key][_display(name)] += 1
            types[key][att.source_type] += 1
            if att.source_type in _OUTLET_TYPES:
                shown_as = _with_article(name, r.article.text, att.start, att.end)
                if shown_as:
                    the_forms[key].add(shown_as)
    merge = _surname_map(names, types)
    # a source that is one of the run's own outlets, however the text names it ("the Chronicle", "KBC" for KBC
    # News, "MPA" for Meridian Press Agency): one node, labelled as the outlet names itself
    run_outlets = _run_outlets(run)
    for key in names:
        hit = _outlet_alias(merge.get(key, key), types[key], run_outlets)
        if hit is not None:
            merge[key] = hit

    def canon(name: str) -> str:
        k = source_key(name)
        return merge.get(k, k)

    src_names: dict[str, Counter] = defaultdict(Counter)
    src_types: dict[str, Counter] = defaultdict(Counter)
    for _, name, *_, source_type in mentions:
        k = canon(name)
        src_names[k][_display(name)] += 1
        if source_type:
            src_types[k][source_type] += 1
    for k, forms in src_names.items():
        # the most frequent form, the longest on a tie ("Yaroslav Zhelezniak" over "Zhelezniak")
        label = max(forms, key=lambda f: (forms[f], len(f), f))
        # an outlet the text names with its capitalised "The" ("The Harwick Chronicle reported") keeps it
        the = sorted(f for f in the_forms.get(k, ()) if f[4:] == label)
        label = the[0] if the else label
        st = src_types[k].most_common(1)[0][0] if src_types[k] else "unknown"
        extra = {}
        if k in run_outlets.keys:
            label = run_outlets.keys[k]
            extra["outlet"] = outlet_id(label)  # the outlet node of the run it is
        G.add_node("source:" + k, kind="source", label=label, source_type=st,
                   mentions=sum(forms.values()), aliases=sorted(forms), **extra)

    # article -> source (cites / credits), outlet -> source (cites), intermediary -> speaker (relays)
    per_article: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    per_outlet: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    outlet_of = {r.article.id: r.article.outlet for r in run.results}
    for aid, name, via, start, end, cue, _ in mentions:
        k = canon(name)
        edge_kind = "credits" if via == "credit" else "cites"
        per_article[(aid, k, edge_kind)].append({"start": start, "end": end, "cue": cue, "kind": via,
                                                 "text": name})
        if outlet_of.get(aid):
            per_outlet[(outlet_id(outlet_of[aid]), k)].append((aid, via))
    for (aid, k, edge_kind), ev in per_article.items():
        ev.sort(key=lambda x: (x["start"], x["end"]))
        G.add_edge(article_id(aid), "source:" + k, key=edge_kind, kind=edge_kind, weight=len(ev),
                   via=sorted({x["kind"] for x in ev}), evidence=ev)
    for (o, k), uses in per_outlet.items():
        G.add_edge(o, "source:" + k, key="cites", kind="cites", weight=len(uses),
                   via=sorted({v for _, v in uses}), articles=sorted({a for a, _ in uses}))
    del mentions, per_article, per_outlet, strings  # the edges hold what the rest needs
    relays: Counter = Counter()
    shown: dict[str, str] = {}
    for r in run.results:
        for att in _attributions(r, corpus):
            chain = [canon(x) for x in _chain(att)]
            for x in _chain(att):
                shown.setdefault(canon(x), _display(x))
            for speaker, relay in zip(chain, chain[1:], strict=False):
                if speaker != relay:
                    relays[(relay, speaker)] += 1
    for (relay, speaker), w in relays.items():
        for k in (relay, speaker):
            if "source:" + k not in G:
                G.add_node("source:" + k, kind="source", label=shown.get(k, k), source_type="unknown",
                           mentions=0, aliases=[])
        G.add_edge("source:" + relay, "source:" + speaker, key="relays", kind="relays", weight=w)

    # echoes
    if reuse is not None:
        echoes, words = reuse.echoes, reuse.words
    elif echoes is None:
        from .corpus.reuse import detect_reuse

        docs = list(corpus.docs) if corpus is not None else [r.article for r in run.results]
        reuse = detect_reuse(docs, **(reuse_params or {}))
        echoes, words = reuse.echoes, reuse.words
    else:
        from .text.document import WORD_RE

        words = {r.article.id: len(WORD_RE.findall(r.article.text)) for r in run.results}
    for aid, n in words.items():
        if article_id(aid) in G:
            G.nodes[article_id(aid)]["words"] = n
    copied: dict[str, list[tuple[int, int]]] = defaultdict(list)
    shared: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for e in echoes:
        c, s = article_id(e.copy), article_id(e.source)
        if c not in G or s not in G:
            continue
        for cs, ss in e.passages:
            shared[e.copy].append(cs)
            shared[e.source].append(ss)
            if e.directed:
                copied[e.copy].append(cs)
        G.add_edge(c, s, key="echoes", kind="echoes", weight=int(e.shared_words), directed=bool(e.directed),
                   copy_share=float(e.copy_share), source_share=float(e.source_share),
                   direction_by=e.direction_by, method=e.method,
                   evidence=[{"copy": [int(cs), int(ce)], "source": [int(ss), int(se)]}
                             for (cs, ce), (ss, se) in e.passages])
    texts = {r.article.id: r.article.text for r in run.results}
    for aid, spans in shared.items():
        node = G.nodes[article_id(aid)]
        node["shared_words"] = _words_within(texts[aid], spans, node.get("words"))
        if copied.get(aid):
            node["copied_words"] = _words_within(texts[aid], copied[aid], node.get("words"))
    return G


def _words_within(text: str, spans: list[tuple[int, int]], cap: int | None) -> int:
    from .text.document import WORD_RE, merge_spans

    n = sum(len(WORD_RE.findall(text, s, e)) for s, e in merge_spans(spans))
    return min(n, cap) if cap is not None else n


# -- metrics -------------------------------------------------------------------------------------------
def _echo_edges(G: nx.MultiDiGraph):
    return [(u, v, d) for u, v, d in G.edges(data=True) if d.get("kind") == "echoes"]


def graph_metrics(G: nx.MultiDiGraph, max_chains: int = 20) -> dict[str, Any]:
    """What a researcher asks of the graph.

    - ``counts``: nodes and edges by kind.
    - ``originators``: articles that others echo (directed echo edges point in) and that echo no one.
    - ``echo_chains``: the longest paths copy -> ... -> original over directed echo edges (up to
      ``max_chains``, longest first; each a list of article ids, the copy first).
    - ``outlets``: per outlet, its articles, how many echo another (``copies``), its articles' own
      ``words`` (outside quotations and boilerplate) and ``reused_share``: the share of them inside
      passages taken from an earlier article (directed echoes); ``shared_share`` counts every passage
      it shares with another article, in either direction or none.
    - ``outlet_echoes``: who copies whom outlet by outlet: directed echoes and words shared per
      (copying outlet, copied outlet), most first (up to 100).
    - ``stories``: each connected group of articles joined by echo edges, with its ``roots`` (articles
      echoing no one in the group; articles joined by an undirected echo count as one root),
      ``independent_origins`` (the number of roots) and ``effective_origins``: exp of the entropy of the
      share of the group's articles descending from each root (one dominant origin -> ~1).
    - ``sources``: the most cited sources, by number of citing articles and outlets.
    """
    counts_n = Counter(d.get("kind") for _, d in G.nodes(data=True))
    counts_e = Counter(d.get("kind") for _, _, d in G.edges(data=True))
    echo = _echo_edges(G)
    D = nx.DiGraph()
    U = nx.Graph()
    for u, v, d in echo:
        U.add_edge(u, v)
        if d.get("directed", True):
            D.add_edge(u, v, weight=d.get("weight", 1))
    D.add_nodes_from(U)
    out_deg = {n: D.out_degree(n) for n in D}
    in_deg = {n: D.in_degree(n) for n in D}
    originators = sorted(n for n in D if in_deg[n] > 0 and out_deg[n] == 0)

    # chains
    chains: list[list[str]] = []
    dag = D if nx.is_directed_acyclic_graph(D) else nx.condensation(D)
    if dag is D:
        for comp in nx.weakly_connected_components(D):
            if len(comp) < 2:
                continue
            chains.append(nx.dag_longest_path(D.subgraph(comp)))
    else:  # a cycle (contradictory times): report chains over the condensation's members
        mapping = dag.graph["mapping"]
        members = defaultdict(list)
        for n, c in mapping.items():
            members[c].append(n)
        for comp in nx.weakly_connected_components(dag):
            if len(comp) < 2:
                continue
            path = nx.dag_longest_path(dag.subgraph(comp))
            chains.append([sorted(members[c])[0] for c in path])
    chains.sort(key=lambda p: (-len(p), p))
    echo_chains = [[G.nodes[n].get("article", n) for n in p] for p in chains[:max_chains]]

    # outlets' reuse
    out_stats: dict[str, dict[str, Any]] = {}
    for n, d in G.nodes(data=True):
        if d.get("kind") != "article":
            continue
        st = out_stats.setdefault(d.get("outlet") or "(unknown)",
                                  {"articles": 0, "copies": 0, "words": 0, "copied": 0, "shared": 0})
        st["articles"] += 1
        st["copies"] += int(out_deg.get(n, 0) > 0)
        st["words"] += int(d.get("words", 0))
        st["copied"] += int(d.get("copied_words", 0))
        st["shared"] += int(d.get("shared_words", 0))
    outlets = {}
    for o, st in sorted(out_stats.items()):
        w = st.pop("words")
        c, s = st.pop("copied"), st.pop("shared")
        outlets[o] = {**st, "words": w, "reused_share": round(c / w, 4) if w else 0.0,
                      "shared_share": round(s / w, 4) if w else 0.0}

    # who copies whom, outlet by outlet (directed echoes)
    pairs: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for u, v, d in echo:
        if d.get("directed", True):
            key = (G.nodes[u].get("outlet") or "(unknown)", G.nodes[v].get("outlet") or "(unknown)")
            pairs[key][0] += 1
            pairs[key][1] += int(d.get("weight", 0))
    outlet_echoes = [{"copy": c, "source": s_, "echoes": n, "words": w}
                     for (c, s_), (n, w) in sorted(pairs.items(), key=lambda x: (-x[1][0], -x[1][1], x[0]))]

    # stories
    stories = []
    for comp in sorted(nx.connected_components(U), key=lambda c: (-len(c), sorted(c))):
        stories.append(_story(G, D, U, comp))

    # sources
    src = []
    for n, d in G.nodes(data=True):
        if d.get("kind") != "source":
            continue
        arts = {u for u, _, k in G.in_edges(n, keys=True) if G.nodes[u].get("kind") == "article"}
        outs = {u for u, _, k in G.in_edges(n, keys=True) if G.nodes[u].get("kind") == "outlet"}
        src.append({"id": n, "label": d.get("label"), "articles": len(arts), "outlets": len(outs),
                    "mentions": d.get("mentions", 0)})
    src.sort(key=lambda x: (-x["articles"], -x["mentions"], x["id"]))

    return {"counts": {"nodes": dict(sorted(counts_n.items())), "edges": dict(sorted(counts_e.items()))},
            "originators": [G.nodes[n].get("article", n) for n in originators],
            "echo_chains": echo_chains,
            "longest_chain": max((len(p) - 1 for p in chains), default=0),
            "outlets": outlets, "outlet_echoes": outlet_echoes[:100], "stories": stories,
            "sources": src[:50]}


def _story(G, D: nx.DiGraph, U: nx.Graph, comp: set[str]) -> dict[str, Any]:
    # articles joined by an undirected echo are one origin: contract them
    und = nx.Graph()
    und.add_nodes_from(comp)
    for u, v in U.subgraph(comp).edges():
        if not D.has_edge(u, v) and not D.has_edge(v, u):
            und.add_edge(u, v)
    group = {}
    # numbered in the order of their smallest member, not in set order (reruns must not depend on the
    # interpreter's hash seed)
    for i, part in enumerate(sorted(nx.connected_components(und), key=min)):
        for n in part:
            group[n] = i
    leaves_group = {group[n] for n in comp for v in D.successors(n) if group[v] != group[n]}
    roots = sorted({group[n] for n in comp} - leaves_group)
    root_members = {g: sorted(n for n in comp if group[n] == g) for g in roots}
    # each article's mass is shared equally among the roots it descends from
    mass: Counter = Counter()
    for n in comp:
        reach = {group[x] for x in nx.descendants(D, n)} | {group[n]} if n in D else {group[n]}
        mine = [g for g in reach if g in root_members]
        for g in mine:
            mass[g] += 1 / len(mine)
    total = sum(mass.values()) or 1.0
    h = -sum((m / total) * math.log(m / total) for m in mass.values() if m > 0)
    aid = lambda n: G.nodes[n].get("article", n)  # noqa: E731
    return {"articles": sorted(aid(n) for n in comp),
            "roots": [[aid(n) for n in root_members[g]] for g in roots],
            "independent_origins": len(roots),
            "effective_origins": round(math.exp(h), 4)}


# -- export --------------------------------------------------------------------------------------------
def _plain(v: Any) -> Any:
    if isinstance(v, tuple):
        return [_plain(x) for x in v]
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    return v


def graph_to_dict(G: nx.MultiDiGraph, metrics: bool = True, *, consume: bool = False,
                  pack: Callable[[list], Sequence] | None = None) -> dict[str, Any]:
    """The JSON export: ``{"nodes": [{"id", "kind", "label", ...}], "edges": [{"source", "target",
    "kind", "weight", "evidence", ...}], "metrics": graph_metrics(G)}``.

    ``consume=True`` (for a caller that drops ``G`` afterwards) empties ``G`` as its rows are made, so the
    graph and its export are never both held whole; the result is the same. ``pack`` (``auditor.packed``)
    is given the rows as they are made and returns what the run holds of them: packed as they come, the
    rows are never all held as dicts."""
    stats = graph_metrics(G) if metrics and consume else None  # read before the attributes go

    def rows(items: Iterable[dict]) -> Sequence[dict]:
        return list(items) if pack is None else pack(items)

    def node_rows() -> Iterator[dict]:
        for n, d in G.nodes(data=True):
            row = {"id": n, "kind": d.get("kind"), "label": d.get("label", n)}
            row.update({k: _plain(v) for k, v in d.items() if k not in row})
            yield row
            if consume:
                d.clear()

    def edge_rows() -> Iterator[dict]:
        for u, v, d in G.edges(data=True):
            row = {"source": u, "target": v, "kind": d.get("kind"), "weight": d.get("weight", 1),
                   "evidence": _plain(d.get("evidence", []))}
            row.update({k: _plain(x) for k, x in d.items() if k not in row})
            yield row
            if consume:
                d.clear()

    out: dict[str, Any] = {"nodes": rows(node_rows()), "edges": rows(edge_rows())}
    if metrics:
        out["metrics"] = stats if consume else graph_metrics(G)
    if consume:
        G.clear()
    return out


def _flat(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with attribute values GEXF/GraphML can hold: lists and dicts as JSON strings, no None."""
    H = nx.MultiDiGraph()

    def flat(d: dict) -> dict:
        out = {}
        for k, v in d.items():
            if v is None:
                continue
            if isinstance(v, (list, tuple, dict)):
                v = json.dumps(_plain(v), ensure_ascii=False)
            elif not isinstance(v, (str, int, float, bool)):
                v = str(v)
            out[k] = v
        return out

    for n, d in G.nodes(data=True):
        H.add_node(n, **flat(d))
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **flat(d))
    return H


def write_graph(G: nx.MultiDiGraph, path: str | Path, fmt: str | None = None) -> Path:
    """Write the graph as ``gexf`` (Gephi), ``graphml`` or ``json`` (``graph_to_dict``); the format
    defaults to the file's suffix. In GEXF and GraphML, list and dict attributes are JSON strings."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".") or "json").lower()
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        path.write_text(json.dumps(graph_to_dict(G), ensure_ascii=False, indent=1), encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(_flat(G), path)
    elif fmt == "graphml":
        nx.write_graphml(_flat(G), path)
    else:
        raise ValueError(f"unknown graph format {fmt!r}: use gexf, graphml or json")
    return path

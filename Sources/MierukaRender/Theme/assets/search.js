/*
 * Mieruka's site search. No library and no request but the index, from the same site.
 *
 * The search page (/search/) holds a form that sends ?q= to itself, so the box in every page's
 * header works the same way. This script reads ?q=, loads search/index.json (written by
 * `mieruka build`), and lists the pages that hold every token of the query — items, plans,
 * policies, year reports and standalone pages — each with what kind of page it is, its plan, its
 * title (an item's number, latest grade spelled out and departments too) and the text the words
 * were found in.
 *
 * The query is split into tokens by exactly the rules the index was made with
 * (Sources/MierukaSearch/SearchTokenizer.swift, KanaFolding.swift and IdeographFolding.swift):
 * any change here must be made there too. Tests/Fixtures/search-vectors.json holds both to the
 * same table; the Swift tests check the index's tokenizer and scripts/check-search.py runs this
 * one in Chromium.
 */
(function () {
  'use strict';

  // ---- Tokenizer ------------------------------------------------------------------------------

  // U+FF66…U+FF9D (half-width ｦ…ﾝ) → the full-width katakana.
  var HALF_WIDTH_KATAKANA = [
    0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3, 0x30FC, 0x30A2, 0x30A4, 0x30A6,
    0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1,
    0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE,
    0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3
  ];

  // Kana that take the voiced sound mark (゛), with the kana they become (か → が, ウ → ヴ …).
  var VOICED = pairs([
    0x3046, 0x3094, 0x304B, 0x304C, 0x304D, 0x304E, 0x304F, 0x3050, 0x3051, 0x3052, 0x3053, 0x3054, 0x3055, 0x3056,
    0x3057, 0x3058, 0x3059, 0x305A, 0x305B, 0x305C, 0x305D, 0x305E, 0x305F, 0x3060, 0x3061, 0x3062, 0x3064, 0x3065,
    0x3066, 0x3067, 0x3068, 0x3069, 0x306F, 0x3070, 0x3072, 0x3073, 0x3075, 0x3076, 0x3078, 0x3079, 0x307B, 0x307C,
    0x309D, 0x309E, 0x30A6, 0x30F4, 0x30AB, 0x30AC, 0x30AD, 0x30AE, 0x30AF, 0x30B0, 0x30B1, 0x30B2, 0x30B3, 0x30B4,
    0x30B5, 0x30B6, 0x30B7, 0x30B8, 0x30B9, 0x30BA, 0x30BB, 0x30BC, 0x30BD, 0x30BE, 0x30BF, 0x30C0, 0x30C1, 0x30C2,
    0x30C4, 0x30C5, 0x30C6, 0x30C7, 0x30C8, 0x30C9, 0x30CF, 0x30D0, 0x30D2, 0x30D3, 0x30D5, 0x30D6, 0x30D8, 0x30D9,
    0x30DB, 0x30DC, 0x30EF, 0x30F7, 0x30F0, 0x30F8, 0x30F1, 0x30F9, 0x30F2, 0x30FA, 0x30FD, 0x30FE
  ]);

  // Kana that take the semi-voiced sound mark (゜): は → ぱ, ホ → ポ …
  var SEMI_VOICED = pairs([
    0x306F, 0x3071, 0x3072, 0x3074, 0x3075, 0x3077, 0x3078, 0x307A, 0x307B, 0x307D,
    0x30CF, 0x30D1, 0x30D2, 0x30D4, 0x30D5, 0x30D7, 0x30D8, 0x30DA, 0x30DB, 0x30DD
  ]);

  var WORD = 1;
  var JAPANESE = 2;
  var SEPARATOR = 0;

  function pairs(flat) {
    var map = new Map();
    for (var i = 0; i + 1 < flat.length; i += 2) map.set(flat[i], flat[i + 1]);
    return map;
  }

  // WidthNormalization.fold: full-width ASCII, the ideographic space, dashes used as minus.
  function foldWidth(c) {
    if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
    if (c === 0x3000) return 0x20;
    if (c === 0x2212 || c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 || c === 0xFE63) return 0x2D;
    return c;
  }

  // IdeographFolding.unified: compatibility kanji and radicals to the kanji they stand for (the
  // mappings of NFKC, fixed by Unicode's stability policy, so the browser's agree with the index's).
  function unifiedIdeograph(c) {
    if (!((c >= 0x2E80 && c <= 0x2FDF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F))) return c;
    var folded = Array.from(String.fromCodePoint(c).normalize('NFKC'));
    return folded.length === 1 ? folded[0].codePointAt(0) : c;
  }

  // The text as the search compares it, one code point at a time, with where each normalized
  // code point came from in the text's code points (start and end), for highlighting.
  function normalizeMapped(text) {
    var source = Array.from(text);
    var points = [];
    var starts = [];
    var ends = [];
    for (var i = 0; i < source.length; i++) {
      var c = foldWidth(source[i].codePointAt(0));
      if (c >= 0xFF66 && c <= 0xFF9D) c = HALF_WIDTH_KATAKANA[c - 0xFF66];
      // IdeographFolding: a variation selector belongs to the kanji before it.
      if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)) {
        if (points.length) ends[points.length - 1] = i + 1;
        continue;
      }
      c = unifiedIdeograph(c);
      var voiced = c === 0xFF9E || c === 0x3099;
      if (voiced || c === 0xFF9F || c === 0x309A) {
        // Joins the kana before it, or is dropped when there is none that takes it.
        var table = voiced ? VOICED : SEMI_VOICED;
        var last = points.length - 1;
        if (last >= 0 && table.has(points[last])) {
          points[last] = table.get(points[last]);
          ends[last] = i + 1;
        }
        continue;
      }
      if (c >= 0x41 && c <= 0x5A) c += 0x20;
      points.push(c);
      starts.push(i);
      ends.push(i + 1);
    }
    // SearchTokenizer.withoutThousandsSeparators: 9,718 → 9718 (a comma between a digit and
    // exactly three digits that no digit follows).
    function isDigit(k) { return k >= 0 && k < points.length && points[k] >= 0x30 && points[k] <= 0x39; }
    var separators = [];
    for (var k = 0; k < points.length; k++) {
      if (points[k] === 0x2C && isDigit(k - 1) && isDigit(k + 1) && isDigit(k + 2) && isDigit(k + 3) && !isDigit(k + 4)) {
        separators.push(k);
      }
    }
    for (var m = separators.length - 1; m >= 0; m--) {
      points.splice(separators[m], 1);
      starts.splice(separators[m], 1);
      ends.splice(separators[m], 1);
    }
    return { source: source, points: points, starts: starts, ends: ends };
  }

  function classOf(c) {
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A)) return WORD;
    if ((c >= 0x3005 && c <= 0x3007) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x309D && c <= 0x309F) ||
        (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
        (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0x20000 && c <= 0x3FFFF)) return JAPANESE;
    return SEPARATOR;
  }

  // Runs of word characters and of Japanese characters, with their positions in `points`.
  function runsOf(points) {
    var runs = [];
    var run = null;
    for (var i = 0; i < points.length; i++) {
      var kind = classOf(points[i]);
      if (kind === SEPARATOR) {
        run = null;
        continue;
      }
      if (!run || run.kind !== kind) {
        run = { kind: kind, start: i, points: [] };
        runs.push(run);
      }
      run.points.push(points[i]);
    }
    return runs;
  }

  function text(points) {
    var out = '';
    for (var i = 0; i < points.length; i++) out += String.fromCodePoint(points[i]);
    return out;
  }

  // The tokens of a text in the order they first occur, each once.
  function tokenize(value) {
    var seen = new Set();
    var tokens = [];
    function add(token) {
      if (!seen.has(token)) {
        seen.add(token);
        tokens.push(token);
      }
    }
    runsOf(normalizeMapped(value).points).forEach(function (run) {
      var p = run.points;
      if (run.kind === WORD || p.length === 1) {
        add(text(p));
      } else {
        for (var i = 0; i + 1 < p.length; i++) add(text([p[i], p[i + 1]]));
      }
    });
    return tokens;
  }

  // ---- Matching ------------------------------------------------------------------------------

  function SearchIndex(data) {
    this.data = data;
    this.base = Math.pow(2, data.fields.length);
    this.postings = new Map(Object.entries(data.postings));
    this.wordKeys = null;
    this.characterKeys = null;
  }

  // The index's tokens a query token stands for: a word, every word that starts with it (so that
  // "kp" finds "kpi"); one Japanese character, every token that holds it; else the token itself.
  SearchIndex.prototype.keysFor = function (token) {
    var self = this;
    if (token.charCodeAt(0) < 0x80) {
      if (!self.wordKeys) {
        self.wordKeys = Array.from(self.postings.keys()).filter(function (key) {
          return key.charCodeAt(0) < 0x80;
        }).sort();
      }
      var keys = self.wordKeys;
      var low = 0;
      var high = keys.length;
      while (low < high) {
        var middle = (low + high) >> 1;
        if (keys[middle] < token) low = middle + 1; else high = middle;
      }
      var found = [];
      for (var i = low; i < keys.length && keys[i].lastIndexOf(token, 0) === 0; i++) found.push(keys[i]);
      return found;
    }
    if (Array.from(token).length === 1) {
      if (!self.characterKeys) {
        self.characterKeys = new Map();
        self.postings.forEach(function (_list, key) {
          if (key.charCodeAt(0) < 0x80) return;
          new Set(Array.from(key)).forEach(function (character) {
            if (!self.characterKeys.has(character)) self.characterKeys.set(character, []);
            self.characterKeys.get(character).push(key);
          });
        });
      }
      return self.characterKeys.get(token) || [];
    }
    return self.postings.has(token) ? [token] : [];
  };

  SearchIndex.prototype.weight = function (mask) {
    var total = 0;
    var fields = this.data.fields;
    for (var i = 0; i < fields.length; i++) if (mask & (1 << i)) total += fields[i].weight;
    return total;
  };

  // The documents that hold every token of the query, best first:
  // [{document, score, fields}], or null when the query has no token.
  SearchIndex.prototype.search = function (query) {
    var tokens = tokenize(query);
    if (!tokens.length) return null;
    var matches = null;
    for (var t = 0; t < tokens.length; t++) {
      var found = new Map();
      var keys = this.keysFor(tokens[t]);
      for (var k = 0; k < keys.length; k++) {
        var list = this.postings.get(keys[k]);
        var document = 0;
        for (var p = 0; p < list.length; p++) {
          document += Math.floor(list[p] / this.base);
          found.set(document, (found.get(document) || 0) | (list[p] % this.base));
        }
      }
      var next = new Map();
      found.forEach(function (mask, document) {
        if (matches && !matches.has(document)) return;
        var previous = matches ? matches.get(document) : { score: 0, fields: 0 };
        next.set(document, { score: previous.score + this.weight(mask), fields: previous.fields | mask });
      }, this);
      matches = next;
      if (!matches.size) break;
    }
    var results = [];
    matches.forEach(function (match, document) {
      results.push({ document: document, score: match.score, fields: match.fields });
    });
    results.sort(function (a, b) {
      return b.score - a.score || a.document - b.document;
    });
    return results;
  };

  // ---- The page ------------------------------------------------------------------------------

  var LIMIT = 100;

  function grouped(number) {
    return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  function element(name, className, content) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  // The ranges of `snippet` (in code points) where a run of the query's words occurs.
  function highlights(snippet, query) {
    var target = normalizeMapped(snippet);
    var ranges = [];
    runsOf(normalizeMapped(query).points).forEach(function (run) {
      var needle = run.points;
      for (var i = 0; i + needle.length <= target.points.length; i++) {
        var j = 0;
        while (j < needle.length && target.points[i + j] === needle[j]) j++;
        if (j === needle.length) ranges.push([target.starts[i], target.ends[i + needle.length - 1]]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (range) {
      var last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push(range.slice());
    });
    return { source: target.source, ranges: merged };
  }

  function appendHighlighted(parent, found) {
    var at = 0;
    found.ranges.forEach(function (range) {
      if (range[0] > at) parent.appendChild(document.createTextNode(found.source.slice(at, range[0]).join('')));
      parent.appendChild(element('mark', null, found.source.slice(range[0], range[1]).join('')));
      at = range[1];
    });
    if (at < found.source.length) parent.appendChild(document.createTextNode(found.source.slice(at).join('')));
  }

  function metaEntry(list, term, detail) {
    var group = element('div');
    group.appendChild(element('dt', null, term));
    var description = element('dd');
    if (typeof detail === 'string') description.textContent = detail; else description.appendChild(detail);
    group.appendChild(description);
    list.appendChild(group);
  }

  // A document is an item, a plan, a policy, a year report or a standalone page (doc[8]); the
  // result says which, before its title.
  function resultItem(index, match, query) {
    var data = index.data;
    var doc = data.documents[match.document];
    var plan = doc[0] !== null ? data.plans[doc[0]] : null;
    var kind = doc[8] || 'item';
    var item = element('li', 'search-result search-result-' + kind);
    var context = element('p', 'search-result-plan');
    // A policy is called what its plan calls that level (基本方針) when the plan names it.
    context.appendChild(element('span', 'search-result-kind', doc[9] || data.kinds[kind] || kind));
    if (plan) context.appendChild(document.createTextNode('　' + plan.title));
    item.appendChild(context);
    var heading = element('h3');
    var link = element('a');
    link.href = plan ? plan.url + doc[3] : doc[3];
    if (kind === 'item') {
      link.appendChild(element('span', 'item-number', 'No.' + doc[1]));
      link.appendChild(document.createTextNode(' '));
    }
    link.appendChild(document.createTextNode(doc[2]));
    heading.appendChild(link);
    item.appendChild(heading);
    if (kind === 'item') item.appendChild(itemMeta(plan, doc));
    appendSnippet(item, data, plan, doc, match, query);
    return item;
  }

  function itemMeta(plan, doc) {
    var meta = element('dl', 'search-result-meta');
    var gradeTerm = '評価' + (doc[5] !== null ? '（' + plan.years[doc[5]] + '）' : '');
    if (doc[4] !== null && plan.grades[doc[4]]) {
      var grade = plan.grades[doc[4]];
      // Better and worse colours only on a scale the plan ranks; a scale of words shows its word once.
      var badge = element('span', plan.ranked ? 'grade grade-rank-' + doc[4] + ' grade-of-' + plan.grades.length : 'grade grade-unranked');
      if (grade[0] !== null) {
        badge.appendChild(element('span', 'grade-code', grade[0]));
        badge.appendChild(document.createTextNode(' '));
      }
      badge.appendChild(element('span', 'grade-label', grade[1]));
      metaEntry(meta, gradeTerm, badge);
    } else {
      metaEntry(meta, '評価', '評価なし');
    }
    if (doc[6]) metaEntry(meta, '担当', doc[6]);
    return meta;
  }

  function appendSnippet(item, data, plan, doc, match, query) {
    // The text the words were found in: the first that shows them, else the first that holds them.
    var candidates = doc[7].filter(function (snippet) { return match.fields & (1 << snippet[0]); });
    var chosen = null;
    for (var i = 0; i < candidates.length && !chosen; i++) {
      var found = highlights(candidates[i][2], query);
      if (found.ranges.length) chosen = { snippet: candidates[i], found: found };
    }
    // The index keeps the beginning of the latest year's text of each field: the words may be
    // further on, or in another year's text, and the snippet then says so.
    if (!chosen && candidates.length) {
      chosen = { snippet: candidates[0], found: highlights(candidates[0][2], ''), elsewhere: true };
    }
    if (chosen) {
      var field = data.fields[chosen.snippet[0]];
      var paragraph = element('p', 'search-snippet');
      var year = chosen.snippet[1] !== null && plan ? '（' + plan.years[chosen.snippet[1]] + '）' : '';
      paragraph.appendChild(element('span', 'search-snippet-field', field.label + year + '：'));
      appendHighlighted(paragraph, chosen.found);
      if (chosen.elsewhere) {
        paragraph.appendChild(
          element('span', 'search-snippet-note', '（検索語は、この抜粋の先か、ほかの年度の記述にあります）'));
      }
      item.appendChild(paragraph);
    }
  }

  function start() {
    var form = document.getElementById('search-form');
    var input = document.getElementById('search-query');
    var status = document.getElementById('search-status');
    var section = document.getElementById('search-results-section');
    var list = document.getElementById('search-results');
    if (!form || !input || !status || !section || !list) return;
    var pageTitle = document.title;
    var loading = null;
    var latest = 0;

    function load() {
      if (!loading) {
        loading = fetch(form.getAttribute('data-index-url'))
          .then(function (response) {
            if (!response.ok) throw new Error('HTTP ' + response.status);
            return response.json();
          })
          .then(function (data) {
            if (data.format !== 'mieruka-search' || data.format_version !== 1) throw new Error('unknown index format');
            return new SearchIndex(data);
          });
        loading.catch(function () { loading = null; });
      }
      return loading;
    }

    function show(query) {
      var shown = query.trim();
      var current = ++latest;
      list.textContent = '';
      section.hidden = true;
      if (!tokenize(shown).length) {
        document.title = pageTitle;
        status.textContent = shown ? '検索できる語が含まれていません。文字や数字を入力してください。' : '検索する語を入力してください。';
        return;
      }
      document.title = '「' + shown + '」の検索結果 | ' + pageTitle;
      status.textContent = '検索しています…';
      load().then(function (index) {
        if (current !== latest) return;  // a newer query is on its way
        var results = index.search(shown) || [];
        if (!results.length) {
          status.textContent = '「' + shown + '」を含むページは見つかりませんでした。語を減らすか、別の言い方でお試しください。';
          return;
        }
        var fragment = document.createDocumentFragment();
        results.slice(0, LIMIT).forEach(function (match) { fragment.appendChild(resultItem(index, match, shown)); });
        list.appendChild(fragment);
        section.hidden = false;
        status.textContent = '「' + shown + '」を含むページが' + grouped(results.length) + '件見つかりました。' +
          (results.length > LIMIT ? '上位' + LIMIT + '件を表示しています。' : '');
      }, function () {
        if (current !== latest) return;
        status.textContent = '検索の索引を読み込めませんでした。下の「計画ごとの取組項目」からお探しください。';
      });
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var query = input.value;
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, '', window.location.pathname + (query.trim() ? '?q=' + encodeURIComponent(query) : ''));
      }
      show(query);
    });

    var initial = new URLSearchParams(window.location.search).get('q');
    if (initial !== null) {
      input.value = initial;
      show(initial);
    }
  }

  window.MierukaSearch = {
    tokenize: tokenize,
    normalize: function (value) { return text(normalizeMapped(value).points); },
    load: function (url) {
      return fetch(url).then(function (response) { return response.json(); }).then(function (data) {
        return new SearchIndex(data);
      });
    }
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();

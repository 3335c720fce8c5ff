// Chainrule studio: the page. Everything the user or the server writes is shown with textContent or
// as SVG parsed by the browser's XML parser and stripped of anything active: never as HTML.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const DEBOUNCE_MS = 40;

  const state = {
    file: null,          // the file named on the command line, or null
    touched: {},         // input values the user set on the page, by name: they win over the program's
    lr: null,
    theme: 'light',
    direction: 'lr',
    reply: null,         // the last good evaluation
    byId: [],            // its nodes by id
    selected: null,      // the id of the node in the panel
    view: { s: 1, x: 0, y: 0, userMoved: false },   // fitted to each new graph until the user zooms or pans
    step: null,          // { index, count } while stepping
    checks: [],          // the last check's results
    quiz: null,          // { cells: [{text, node, kind, symbol}], answers: {} } while quizzing
    seq: 0,              // the number of the last evaluation sent
    shown: 0,            // the number of the last evaluation drawn
    inFlight: false,
    again: false,
    keystrokeAt: 0,      // performance.now() of the latest edit not yet drawn
  };
  // Read by the browser test: edit-to-graph latencies in milliseconds, and a count of redraws.
  const metrics = window.__studio = { latencies: [], redraws: 0, evaluations: 0 };

  // ------------------------------------------------------------------ requests

  async function post(path, body) {
    const r = await fetch(path, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    const type = r.headers.get('Content-Type') || '';
    if (type.startsWith('application/json')) {
      return { status: r.status, json: await r.json(), response: r };
    }
    return { status: r.status, blob: await r.blob(), response: r,
      name: fileName(r.headers.get('Content-Disposition')), text: null };
  }

  function fileName(disposition) {
    const m = /filename="([A-Za-z0-9_.-]+)"/.exec(disposition || '');
    return m ? m[1] : 'download';
  }

  function errorText(reply) {
    if (reply.json && reply.json.error) return reply.json.error.message;
    return 'the studio answered ' + reply.status;
  }

  function programText() {
    return $('program').value;
  }

  function inputValues() {
    return Object.assign({}, state.touched);
  }

  function common() {
    const body = { program: programText(), inputs: inputValues(), theme: state.theme, direction: state.direction };
    if (state.lr !== null) body.lr = state.lr;
    return body;
  }

  // ------------------------------------------------------------------ editor

  function renderGutter(textarea, gutter, badLine) {
    const n = textarea.value.split('\n').length;
    gutter.textContent = '';
    for (let i = 1; i <= n; i++) {
      const s = document.createElement('span');
      s.textContent = String(i) + (i === badLine ? ' ✗' : '');
      if (i === badLine) s.className = 'bad';
      gutter.appendChild(s);
      gutter.appendChild(document.createTextNode('\n'));
    }
    gutter.scrollTop = textarea.scrollTop;
  }

  function renderMirror(error) {
    const mirror = $('mirror');
    const text = programText();
    mirror.textContent = '';
    if (!error || !error.line) {
      mirror.textContent = text + '\n';
      return;
    }
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < error.line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
    offset = Math.min(text.length, offset + Math.max(0, error.column - 1));
    // The character at the error is underlined; at the end of a line or of the text, a space after it.
    const onChar = offset < text.length && text[offset] !== '\n';
    const bad = document.createElement('span');
    bad.className = 'err';
    bad.textContent = onChar ? text[offset] : ' ';
    mirror.appendChild(document.createTextNode(text.slice(0, offset)));
    mirror.appendChild(bad);
    mirror.appendChild(document.createTextNode(text.slice(onChar ? offset + 1 : offset) + '\n'));
    mirror.scrollTop = $('program').scrollTop;
    mirror.scrollLeft = $('program').scrollLeft;
  }

  function showProblem(error, warning) {
    const p = $('problem');
    p.classList.toggle('warn', !error && !!warning);
    if (error) {
      p.textContent = error.kind === 'parse' && error.line
        ? 'line ' + error.line + ':' + error.column + ': ' + error.reason
        : error.message;
    } else {
      p.textContent = warning || '';
    }
    renderGutter($('program'), $('gutter'), error && error.line);
    renderMirror(error);
  }

  function edited() {
    state.keystrokeAt = performance.now();
    state.step = null;
    stepWanted = null;
    showStepText(null);
    renderGutter($('program'), $('gutter'), null);
    renderMirror(null);
    schedule();
  }

  let timer = 0;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(evaluate, DEBOUNCE_MS);
  }

  // One evaluation in flight at a time; edits made meanwhile are sent as one when it returns.
  async function evaluate() {
    if (state.inFlight) {
      state.again = true;
      return;
    }
    state.inFlight = true;
    const seq = ++state.seq;
    const sentAt = state.keystrokeAt;
    metrics.evaluations++;
    try {
      const r = await post('/api/evaluate', common());
      if (seq > state.shown) {
        state.shown = seq;
        if (r.json && r.json.ok) {
          draw(r.json);
          if (sentAt) metrics.latencies.push(performance.now() - sentAt);
          if (state.keystrokeAt === sentAt) state.keystrokeAt = 0;
        } else {
          showProblem(r.json && r.json.error ? r.json.error : { message: errorText(r) });
          $('result').textContent = '';
        }
      }
    } catch (e) {
      showProblem({ message: 'the studio does not answer (was it stopped?): ' + e.message });
    } finally {
      state.inFlight = false;
      if (state.again) {
        state.again = false;
        evaluate();
      }
    }
  }

  // ------------------------------------------------------------------ drawing

  function draw(reply) {
    state.reply = reply;
    state.byId = reply.nodes;
    showProblem(null, reply.warning);
    renderInputs(reply.inputs);
    showResult();
    if (!state.step) setGraph(reply.svg);
    metrics.redraws++;
    if (state.selected !== null && state.selected < reply.nodes.length) showNode(state.selected);
    else showNode(null);
  }

  function showResult() {
    const reply = state.reply;
    if (!reply) return;
    const hidden = state.quiz && state.quiz.cells.some((c) => c.node === reply.output && c.kind === 'value');
    $('result').textContent = reply.output + ' = ' + (hidden ? '?' : num(reply.value));
  }

  function num(x) {
    if (x === null || x === undefined) return 'not finite';
    if (x === 0) return '0';
    const a = Math.abs(x);
    const s = Number(x.toPrecision(10));
    return a >= 1e-6 && a < 1e15 ? String(s) : s.toExponential().replace('e+', 'e');
  }

  // Parses the server's SVG as XML and keeps only passive drawing: no script, no foreign content,
  // no event handlers, no links out.
  function safeSvg(text) {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const svg = doc.documentElement;
    if (!svg || svg.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length) return null;
    const walk = [svg];
    while (walk.length) {
      const el = walk.pop();
      for (const child of Array.from(el.children)) {
        const name = child.localName.toLowerCase();
        if (name === 'script' || name === 'foreignobject' || name === 'iframe' || name === 'use' || name === 'style') {
          child.remove();
          continue;
        }
        for (const a of Array.from(child.attributes)) {
          const n = a.name.toLowerCase();
          if (n.startsWith('on') || n === 'href' || n === 'xlink:href' || n === 'style') child.removeAttribute(a.name);
        }
        walk.push(child);
      }
    }
    for (const a of Array.from(svg.attributes)) {
      if (a.name.toLowerCase().startsWith('on')) svg.removeAttribute(a.name);
    }
    return document.importNode(svg, true);
  }

  function setGraph(svgText) {
    const svg = safeSvg(svgText);
    const viewport = $('viewport');
    viewport.textContent = '';
    if (!svg) {
      $('problem').textContent = 'the graph could not be drawn';
      return;
    }
    viewport.appendChild(svg);
    decorateNodes(svg);
    if (!state.view.userMoved) fit();
    applyView();
    markChecks();
    applyQuiz();
    if (state.selected !== null) select(state.selected, false);
  }

  // The records (titles v0, v1, ...) become focusable buttons with a label a screen reader reads.
  function decorateNodes(svg) {
    for (const g of svg.querySelectorAll('g.node')) {
      const id = nodeId(g);
      if (id === null) continue;
      const n = state.byId[id];
      g.setAttribute('tabindex', g.querySelector('title').textContent.startsWith('v') ? '0' : '-1');
      g.setAttribute('role', 'button');
      g.setAttribute('data-node', String(id));
      if (n && g.querySelector('title').textContent.startsWith('v')) g.setAttribute('data-name', n.shown);
      if (n) g.setAttribute('aria-label', n.shown + ': value ' + num(n.value) + ', gradient ' + num(n.grad));
    }
  }

  function nodeId(g) {
    const t = g.querySelector('title');
    const m = t && /^[vo](\d+)$/.exec(t.textContent.trim());
    return m ? Number(m[1]) : null;
  }

  function recordOf(id) {
    for (const g of $('viewport').querySelectorAll('g.node')) {
      const t = g.querySelector('title');
      if (t && t.textContent.trim() === 'v' + id) return g;
    }
    return null;
  }

  // ------------------------------------------------------------------ zoom and pan

  function applyView() {
    const v = state.view;
    $('viewport').style.transform = 'translate(' + v.x + 'px,' + v.y + 'px) scale(' + v.s + ')';
  }

  function fit() {
    const svg = $('viewport').querySelector('svg');
    if (!svg) return;
    const box = $('graph').getBoundingClientRect();
    const w = svg.width.baseVal.value || svg.getBoundingClientRect().width;
    const h = svg.height.baseVal.value || svg.getBoundingClientRect().height;
    const s = Math.min(box.width / w, box.height / h, 1.5);
    state.view = { s: s, x: (box.width - w * s) / 2, y: (box.height - h * s) / 2, userMoved: false };
    applyView();
  }

  function zoom(factor, cx, cy) {
    const v = state.view;
    const box = $('graph').getBoundingClientRect();
    if (cx === undefined) { cx = box.width / 2; cy = box.height / 2; }
    const s = Math.max(0.05, Math.min(8, v.s * factor));
    v.x = cx - (cx - v.x) * (s / v.s);
    v.y = cy - (cy - v.y) * (s / v.s);
    v.s = s;
    v.userMoved = true;
    applyView();
  }

  function pan(dx, dy) {
    state.view.x += dx;
    state.view.y += dy;
    state.view.userMoved = true;
    applyView();
  }

  function wireView() {
    const graph = $('graph');
    graph.addEventListener('wheel', (e) => {
      e.preventDefault();
      const box = graph.getBoundingClientRect();
      zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - box.left, e.clientY - box.top);
    }, { passive: false });
    let drag = null;
    graph.addEventListener('pointerdown', (e) => {
      if (e.target.closest('input')) return;
      drag = { x: e.clientX, y: e.clientY, moved: false };
    });
    window.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      drag.moved = true;
      graph.classList.add('dragging');
      drag.x = e.clientX;
      drag.y = e.clientY;
      pan(dx, dy);
    });
    window.addEventListener('pointerup', (e) => {
      const wasClick = drag && !drag.moved;
      drag = null;
      graph.classList.remove('dragging');
      if (wasClick) {
        const g = e.target.closest && e.target.closest('g.node');
        if (g && graph.contains(g)) select(Number(g.getAttribute('data-node')), true);
      }
    });
    graph.addEventListener('keydown', (e) => {
      if (e.target.closest('input')) return;
      const step = 40;
      const keys = {
        '+': () => zoom(1.2), '=': () => zoom(1.2), '-': () => zoom(1 / 1.2), '0': fit,
        ArrowLeft: () => pan(step, 0), ArrowRight: () => pan(-step, 0), ArrowUp: () => pan(0, step), ArrowDown: () => pan(0, -step),
      };
      if (e.key === 'Enter' || e.key === ' ') {
        const g = e.target.closest && e.target.closest('g.node');
        if (g) { select(Number(g.getAttribute('data-node')), true); e.preventDefault(); }
        return;
      }
      if (keys[e.key]) { keys[e.key](); e.preventDefault(); e.stopPropagation(); }
    });
    $('zoom-in').addEventListener('click', () => zoom(1.2));
    $('zoom-out').addEventListener('click', () => zoom(1 / 1.2));
    $('zoom-fit').addEventListener('click', fit);
  }

  // ------------------------------------------------------------------ inputs

  function renderInputs(inputs) {
    const box = $('inputs');
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.input : null;
    const names = inputs.map((i) => i.name).join('\u0000');
    if (box.dataset.names === names) {
      for (const i of inputs) {
        const field = box.querySelector('input[type=number][data-input="' + CSS.escape(i.name) + '"]');
        if (field && field !== document.activeElement && Number(field.value) !== i.value) field.value = String(i.value);
      }
      return;
    }
    box.dataset.names = names;
    box.textContent = '';
    for (const i of inputs) {
      const id = 'in-' + Math.random().toString(36).slice(2);
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = i.name;
      if (i.parameter) {
        const b = document.createElement('span');
        b.className = 'badge';
        b.textContent = 'param';
        label.appendChild(b);
      }
      const field = document.createElement('input');
      field.type = 'number';
      field.step = 'any';
      field.id = id;
      field.value = String(i.value);
      field.dataset.input = i.name;
      const slider = document.createElement('input');
      slider.type = 'range';
      const span = Math.max(1, Math.abs(i.value));
      slider.min = String(i.value - span);
      slider.max = String(i.value + span);
      slider.step = String(span / 100);
      slider.value = String(i.value);
      slider.dataset.input = i.name;
      slider.setAttribute('aria-label', i.name + ' (slider)');
      field.addEventListener('input', () => {
        const x = Number(field.value);
        if (field.value.trim() === '' || !Number.isFinite(x)) return;
        state.touched[i.name] = x;
        slider.value = String(x);
        edited();
      });
      slider.addEventListener('input', () => {
        const x = Number(slider.value);
        state.touched[i.name] = x;
        field.value = String(x);
        edited();
      });
      box.appendChild(label);
      box.appendChild(field);
      box.appendChild(slider);
      if (focused === i.name) field.focus();
    }
  }

  // ------------------------------------------------------------------ node panel

  function select(id, announce) {
    for (const g of $('viewport').querySelectorAll('g.node.selected')) g.classList.remove('selected');
    state.selected = id;
    const g = recordOf(id);
    if (g) g.classList.add('selected');
    if (announce) showNode(id);
  }

  function hiddenCell(node, kind) {
    return !!(state.quiz && state.quiz.cells.some((c) => c.node === node && c.kind === kind));
  }

  function shownNumber(n, kind) {
    if (n.label && hiddenCell(n.label, kind)) return '?';
    return num(kind === 'value' ? n.value : n.grad);
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  // The chain-rule step that made this node's gradient: for each use of the node,
  // upstream gradient × local derivative = contribution, in the student's own names.
  function showNode(id) {
    const panel = $('panel');
    panel.textContent = '';
    const reply = state.reply;
    if (id === null || !reply || !state.byId[id]) {
      panel.appendChild(el('p', 'Click a node in the graph (or Tab to it and press Enter).', 'muted'));
      return;
    }
    const n = state.byId[id];
    const out = reply.output;
    const quizzing = !!state.quiz;
    panel.appendChild(el('h3', n.shown));
    const dl = el('dl');
    const row = (k, v) => { dl.appendChild(el('dt', k)); dl.appendChild(el('dd', v)); };
    row('op', n.op ? n.op + (n.symbol && n.symbol !== n.op ? ' (' + n.symbol + ')' : '') : (reply.inputs.some((i) => i.name === n.label) ? 'input' : 'constant'));
    row('value', shownNumber(n, 'value'));
    row('∂' + out + '/∂' + n.shown, shownNumber(n, 'gradient'));
    const input = reply.inputs.find((i) => i.name === n.label);
    if (input && input.updated !== undefined) row(n.shown + "' (η = " + num(reply.lr) + ')', quizzing ? '?' : num(input.updated));
    panel.appendChild(dl);

    if (n.inputs.length) {
      panel.appendChild(el('p', 'Local derivatives', 'muted'));
      const ul = el('ul', null, 'chain');
      n.inputs.forEach((k, i) => {
        const d = n.local[i];
        ul.appendChild(el('li', '∂' + n.shown + '/∂' + state.byId[k].shown + ' = ' + (quizzing ? '?' : num(d))));
      });
      panel.appendChild(ul);
    }

    panel.appendChild(el('p', 'Chain rule: upstream × local = contribution', 'muted'));
    const chain = el('ol', null, 'chain');
    chain.id = 'chain';
    if (n.kind === 'output') {
      chain.appendChild(el('li', '∂' + out + '/∂' + out + ' = 1 (the seed of the backward pass)'));
    }
    let total = 0;
    let uses = 0;
    for (const c of state.byId) {
      c.inputs.forEach((k, i) => {
        if (k !== id) return;
        uses++;
        const up = c.grad, local = c.local[i];
        const product = up * local;
        total += product;
        const text = '∂' + out + '/∂' + c.shown + ' × ∂' + c.shown + '/∂' + n.shown + ' = '
          + (quizzing ? '? × ? = ?' : num(up) + ' × ' + num(local) + ' = ' + num(product));
        chain.appendChild(el('li', text));
      });
    }
    panel.appendChild(chain);
    if (n.label && !quizzing) showDerivation(panel, n.label);
    if (uses > 1) {
      panel.appendChild(el('p', 'sum over the ' + uses + ' uses: ∂' + out + '/∂' + n.shown + ' = ' + (quizzing ? '?' : num(total)), 'total'));
    } else if (uses === 1) {
      panel.appendChild(el('p', '∂' + out + '/∂' + n.shown + ' = ' + (quizzing ? '?' : num(total)), 'total'));
    }
  }

  // The whole worked derivation of the node's gradient (the explain library): chain rule along the
  // path, δ terms, each factor, the product and the update, as text.
  async function showDerivation(panel, name) {
    const box = el('details');
    box.id = 'derivation-box';
    box.open = true;
    box.appendChild(el('summary', 'Worked derivation'));
    const pre = el('pre', '…', 'derivation');
    pre.id = 'derivation';
    box.appendChild(pre);
    panel.appendChild(box);
    const r = await post('/api/explain', Object.assign(common(), { node: name }));
    if (!pre.isConnected) return;
    pre.textContent = r.json && r.json.ok ? r.json.text : errorText(r);
  }

  // ------------------------------------------------------------------ backward stepper

  // One step request at a time: keys pressed meanwhile move the wanted frame, which is fetched next
  // (a held arrow key must not queue a render per press on the server).
  let stepWanted = null;
  let stepBusy = false;
  async function goStep(index) {
    if (state.quiz) return;
    const count = state.step ? state.step.count : Infinity;
    stepWanted = Math.max(0, Math.min(count - 1, index));
    if (stepBusy) return;
    stepBusy = true;
    try {
      while (stepWanted !== null && !(state.step && state.step.index === stepWanted && state.step.shown)) {
        const want = stepWanted;
        const r = await post('/api/step', Object.assign(common(), { index: want }));
        if (!r.json || !r.json.ok) {
          $('problem').textContent = errorText(r);
          break;
        }
        const s = r.json;
        state.step = { index: s.index, count: s.count, shown: true };
        if (stepWanted === want || stepWanted >= s.count) stepWanted = s.index;
        setGraph(s.svg);
        showStepText(s);
      }
    } finally {
      stepBusy = false;
    }
  }

  function showStepText(s) {
    const box = $('step-text');
    $('step-exit').hidden = !s;
    if (!s) {
      box.hidden = true;
      $('step-counter').textContent = '';
      return;
    }
    box.hidden = false;
    $('step-title').textContent = s.title;
    const ol = $('step-explanation');
    ol.textContent = '';
    for (const line of s.explanation) ol.appendChild(el('li', line));
    $('step-counter').textContent = (s.index + 1) + ' / ' + s.count;
    $('step-prev').disabled = s.index === 0;
    $('step-first').disabled = s.index === 0;
    $('step-next').disabled = s.index === s.count - 1;
    $('step-last').disabled = s.index === s.count - 1;
  }

  function stepBy(delta) {
    const at = stepWanted !== null && state.step ? stepWanted : state.step ? state.step.index : -1;
    goStep(Math.max(0, at + delta));
  }

  function leaveSteps() {
    state.step = null;
    stepWanted = null;
    showStepText(null);
    $('step-prev').disabled = $('step-first').disabled = $('step-next').disabled = $('step-last').disabled = false;
    if (state.reply) setGraph(state.reply.svg);
  }

  function wireStepper() {
    $('step-next').addEventListener('click', () => stepBy(1));
    $('step-prev').addEventListener('click', () => stepBy(-1));
    $('step-first').addEventListener('click', () => goStep(0));
    $('step-last').addEventListener('click', () => goStep(1e6));
    $('step-exit').addEventListener('click', leaveSteps);
    document.addEventListener('keydown', (e) => {
      const t = e.target;
      if (t && (t.tagName === 'TEXTAREA' || t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.closest('#graph'))) return;
      const keys = { ArrowRight: () => stepBy(1), ArrowLeft: () => stepBy(-1), Home: () => goStep(0), End: () => goStep(1e6),
        Escape: leaveSteps };
      if (keys[e.key]) { keys[e.key](); e.preventDefault(); }
    });
  }

  // ------------------------------------------------------------------ check

  const SYMBOL = { ok: '✓', rounded: '✓', wrong: '✗', unclear: '?', unreadable: '⚠' };
  const MARK = { ok: 'ok', rounded: 'ok', wrong: 'wrong', unclear: 'unclear', unreadable: 'unclear' };

  async function check() {
    $('check-summary').textContent = 'checking…';
    const r = await post('/api/check', Object.assign(common(), { answers: $('answers').value }));
    if (!r.json || !r.json.ok) {
      $('check-summary').textContent = errorText(r);
      return;
    }
    state.checks = r.json.results;
    $('check-summary').textContent = r.json.summary;
    const list = $('verdicts');
    list.textContent = '';
    for (const x of state.checks) {
      const li = el('li', null, 'v-' + x.verdict);
      li.appendChild(el('span', SYMBOL[x.verdict], 'sym'));
      li.appendChild(el('span', x.word + ' '));
      li.appendChild(el('span', x.written, 'written'));
      li.appendChild(el('span', ' (line ' + x.line + ')', 'muted'));
      if (x.verdict !== 'unreadable' && !x.right) li.appendChild(el('span', 'true value ' + num(x.trueValue), 'why'));
      if (x.message) li.appendChild(el('span', x.message, 'why'));
      if (x.catalogue && x.catalogue.length && !x.right) li.appendChild(el('span', 'mistake: ' + x.catalogue.join('; '), 'why'));
      list.appendChild(li);
    }
    renderAnswerMarks();
    markChecks();
  }

  function renderAnswerMarks() {
    const gutter = $('answer-marks');
    const n = $('answers').value.split('\n').length;
    gutter.textContent = '';
    const worst = {};
    const rank = { ok: 0, rounded: 0, unclear: 1, unreadable: 2, wrong: 3 };
    for (const x of state.checks) {
      if (worst[x.line] === undefined || rank[x.verdict] > rank[worst[x.line]]) worst[x.line] = x.verdict;
    }
    for (let i = 1; i <= n; i++) {
      const v = worst[i];
      const s = el('span', v ? SYMBOL[v] : String(i), v ? MARK[v] : '');
      if (v) s.title = v;
      gutter.appendChild(s);
      gutter.appendChild(document.createTextNode('\n'));
    }
    gutter.scrollTop = $('answers').scrollTop;
  }

  // Each judged node gets a coloured outline and a ✓, ✗ or ? beside it (never colour alone).
  function markChecks() {
    const viewport = $('viewport');
    for (const m of viewport.querySelectorAll('text.mark')) m.remove();
    for (const g of viewport.querySelectorAll('g.node')) g.classList.remove('mark-ok', 'mark-wrong', 'mark-unclear');
    if (!state.reply) return;
    const worst = {};
    const rank = { ok: 0, unclear: 1, wrong: 2 };
    for (const x of state.checks) {
      if (!x.node) continue;
      const m = MARK[x.verdict];
      if (worst[x.node] === undefined || rank[m] > rank[worst[x.node]]) worst[x.node] = m;
    }
    for (const name of Object.keys(worst)) {
      const n = state.byId.find((b) => b.label === name);
      const g = n && recordOf(n.id);
      if (!g) continue;
      g.classList.add('mark-' + worst[name]);
      const box = g.getBBox();
      const t = document.createElementNS(SVG_NS, 'text');
      t.setAttribute('x', String(box.x + box.width + 3));
      t.setAttribute('y', String(box.y + 14));
      t.setAttribute('class', 'mark ' + worst[name]);
      t.textContent = worst[name] === 'ok' ? '✓' : worst[name] === 'wrong' ? '✗' : '?';
      const label = document.createElementNS(SVG_NS, 'title');
      label.textContent = worst[name];
      t.appendChild(label);
      g.appendChild(t);
      g.setAttribute('aria-label', (g.getAttribute('aria-label') || name) + '; your answer: ' + worst[name]);
    }
  }

  // ------------------------------------------------------------------ quiz

  function parseQuizLine(text) {
    const m = /^#\s*quiz:\s*(.*)$/m.exec(text);
    return m ? m[1].split(',').map((s) => s.trim()).filter((s) => s.length) : null;
  }

  function parseLrLine(text) {
    const m = /^#\s*lr\s*[:=]\s*([-+0-9.eE]+)\s*$/m.exec(text);
    return m && Number.isFinite(Number(m[1])) ? Number(m[1]) : null;
  }

  async function startQuiz(names) {
    const r = await post('/api/quiz', Object.assign(common(), { hidden: names }));
    if (!r.json || !r.json.ok) {
      $('quiz-summary').textContent = errorText(r);
      return;
    }
    if (state.step) leaveSteps();
    state.quiz = { cells: r.json.cells, answers: {}, verdicts: {} };
    $('quiz-hide').value = names.join(', ');
    $('quiz-stop').hidden = false;
    $('quiz-check').hidden = false;
    $('quiz-summary').textContent = r.json.cells.length + ' cell' + (r.json.cells.length === 1 ? '' : 's') + ' hidden: type your numbers into the graph.';
    for (const id of ['step-first', 'step-prev', 'step-next', 'step-last']) $(id).disabled = true;
    renderQuizCells();
    if (state.reply) setGraph(state.reply.svg);
    showResult();
    showNode(state.selected);
  }

  function stopQuiz() {
    state.quiz = null;
    $('quiz-stop').hidden = true;
    $('quiz-check').hidden = true;
    $('quiz-summary').textContent = '';
    $('quiz-cells').textContent = '';
    for (const id of ['step-first', 'step-prev', 'step-next', 'step-last']) $(id).disabled = false;
    if (state.reply) setGraph(state.reply.svg);
    showResult();
    showNode(state.selected);
  }

  // Each hidden cell with its verdict; a cell the graph has no place for (an updated weight w5',
  // a step Δw5) gets its field here.
  function renderQuizCells() {
    const box = $('quiz-cells');
    box.textContent = '';
    for (const c of state.quiz.cells) {
      box.appendChild(el('span', c.symbol));
      const v = state.quiz.verdicts[c.text];
      const verdict = el('span', v ? SYMBOL[v.verdict] + ' ' + v.word + (v.message ? ': ' + v.message : '') : 'hidden');
      if (c.kind === 'updated' || c.kind === 'step') {
        const field = document.createElement('input');
        field.type = 'text';
        field.inputMode = 'decimal';
        field.className = 'quiz-side';
        field.dataset.cell = c.text;
        field.setAttribute('aria-label', 'your value of ' + c.symbol);
        field.value = state.quiz.answers[c.text] || '';
        field.addEventListener('input', () => { state.quiz.answers[c.text] = field.value; });
        field.addEventListener('keydown', (e) => { if (e.key === 'Enter') checkQuiz(); });
        const cell = el('span');
        cell.appendChild(field);
        cell.appendChild(verdict);
        box.appendChild(cell);
      } else {
        box.appendChild(verdict);
      }
    }
  }

  // Hidden cells read "?" in the graph, with a field over each to type the number into.
  function applyQuiz() {
    const viewport = $('viewport');
    for (const f of viewport.querySelectorAll('.quiz-field, .quiz-verdict')) f.remove();
    if (!state.quiz || state.step) return;
    const vbox = viewport.getBoundingClientRect();
    const s = state.view.s;
    for (const c of state.quiz.cells) {
      const n = state.byId.find((b) => b.label === c.node);
      const g = n && recordOf(n.id);
      if (!g) continue;
      const cell = recordCell(g, c.kind);
      if (!cell) continue;
      const t = cell.text;
      t.textContent = cell.prefix + '?';
      t.classList.add('hidden-cell');
      const r = t.getBoundingClientRect();
      const field = document.createElement('input');
      field.type = 'text';
      field.inputMode = 'decimal';
      field.className = 'quiz-field';
      field.dataset.cell = c.text;
      field.setAttribute('aria-label', 'your value of ' + c.symbol);
      field.value = state.quiz.answers[c.text] || '';
      field.style.left = ((r.right - vbox.left) / s + 2) + 'px';
      field.style.top = ((r.top - vbox.top) / s - 2) + 'px';
      field.addEventListener('input', () => { state.quiz.answers[c.text] = field.value; });
      field.addEventListener('keydown', (e) => { if (e.key === 'Enter') checkQuiz(); });
      viewport.appendChild(field);
      const v = state.quiz.verdicts[c.text];
      if (v) {
        const badge = el('span', SYMBOL[v.verdict] + ' ' + v.word, 'quiz-verdict v-' + v.verdict);
        badge.style.left = ((r.right - vbox.left) / s + 2) + 'px';
        badge.style.top = ((r.bottom - vbox.top) / s + 2) + 'px';
        viewport.appendChild(badge);
      }
    }
  }

  // A record's value or gradient text: 'data 0.4' and 'grad 0.08217' (name | data | grad), or the
  // row after the name and the row that starts with ∂ ('w5 / 0.4 / ∂ 0.08217').
  function recordCell(g, kind) {
    const texts = Array.from(g.querySelectorAll('text')).filter((x) => !x.classList.contains('mark'));
    const grad = texts.find((x) => /^(grad |∂ )/.test(x.textContent));
    if (kind === 'gradient') return grad ? { text: grad, prefix: grad.textContent.startsWith('∂') ? '∂ ' : 'grad ' } : null;
    if (kind !== 'value') return null;
    const data = texts.find((x) => x.textContent.startsWith('data '));
    if (data) return { text: data, prefix: 'data ' };
    const i = grad ? texts.indexOf(grad) - 1 : 1;
    return i >= 1 && texts[i] ? { text: texts[i], prefix: '' } : null;
  }

  async function checkQuiz() {
    const q = state.quiz;
    if (!q) return;
    const lines = [];
    const order = [];
    for (const c of q.cells) {
      const a = (q.answers[c.text] || '').trim();
      if (a) { lines.push(c.text + ' = ' + a); order.push(c.text); }
    }
    if (!lines.length) {
      $('quiz-summary').textContent = 'type a number into a "?" first';
      return;
    }
    const r = await post('/api/check', Object.assign(common(), { answers: lines.join('\n') }));
    if (!r.json || !r.json.ok) {
      $('quiz-summary').textContent = errorText(r);
      return;
    }
    r.json.results.forEach((x, i) => { q.verdicts[order[i]] = x; });
    $('quiz-summary').textContent = r.json.summary;
    renderQuizCells();
    applyQuiz();
  }

  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function downloadQuiz() {
    const names = $('quiz-hide').value.split(',').map((s) => s.trim()).filter((s) => s.length);
    let text = programText().replace(/^#\s*quiz:.*\n?/m, '');
    text = '# quiz: ' + names.join(', ') + '\n' + (state.lr !== null && parseLrLine(text) === null ? '# lr: ' + state.lr + '\n' : '') + text;
    download(new Blob([text], { type: 'text/plain' }), 'quiz.txt');
  }

  // ------------------------------------------------------------------ export and save

  async function exportAs() {
    const format = $('export-format').value;
    $('export-status').textContent = 'making ' + format + '…';
    const r = await post('/api/export', Object.assign(common(), { format: format }));
    if (r.blob && r.status === 200) {
      download(r.blob, r.name);
      $('export-status').textContent = 'downloaded ' + r.name;
    } else {
      $('export-status').textContent = errorText(r);
    }
  }

  async function save() {
    const r = await post('/api/save', { text: programText() });
    $('save-status').textContent = r.json && r.json.ok ? 'saved to ' + r.json.saved : errorText(r);
  }

  // ------------------------------------------------------------------ start

  async function load() {
    const r = await fetch('/api/file', { credentials: 'same-origin' });
    const f = await r.json();
    state.file = f.name;
    $('file-name').textContent = f.name ? f.name : '(no file: Export downloads your work)';
    $('save').hidden = !f.name;
    $('program').value = f.text || '';
    const lr = parseLrLine(f.text || '');
    if (lr !== null) { state.lr = lr; $('lr').value = String(lr); }
    renderGutter($('program'), $('gutter'), null);
    renderMirror(null);
    await evaluate();
    const quiz = parseQuizLine(f.text || '');
    if (quiz && quiz.length) await startQuiz(quiz);
  }

  function wire() {
    const program = $('program');
    program.addEventListener('input', edited);
    program.addEventListener('scroll', () => {
      $('gutter').scrollTop = program.scrollTop;
      $('mirror').scrollTop = program.scrollTop;
      $('mirror').scrollLeft = program.scrollLeft;
    });
    program.addEventListener('keydown', (e) => {
      if (e.key === 'Tab' && !e.shiftKey && e.ctrlKey) return;   // Ctrl+Tab leaves, as browsers do
    });
    $('answers').addEventListener('input', renderAnswerMarks);
    $('answers').addEventListener('scroll', () => { $('answer-marks').scrollTop = $('answers').scrollTop; });
    $('lr').addEventListener('input', () => {
      const v = $('lr').value.trim();
      state.lr = v === '' || !Number.isFinite(Number(v)) ? null : Number(v);
      edited();
    });
    $('theme').addEventListener('change', () => { state.theme = $('theme').value; edited(); });
    $('direction').addEventListener('change', () => { state.direction = $('direction').value; state.view.userMoved = false; edited(); });
    $('check').addEventListener('click', check);
    $('quiz-start').addEventListener('click', () => {
      const names = $('quiz-hide').value.split(',').map((s) => s.trim()).filter((s) => s.length);
      if (names.length) startQuiz(names);
    });
    $('quiz-stop').addEventListener('click', stopQuiz);
    $('quiz-check').addEventListener('click', checkQuiz);
    $('quiz-download').addEventListener('click', downloadQuiz);
    $('export').addEventListener('click', exportAs);
    $('save').addEventListener('click', save);
    wireView();
    wireStepper();
  }

  wire();
  load();
})();

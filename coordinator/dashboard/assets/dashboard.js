// TriggerX coordinator dashboard: keepers, jobs and a live task timeline,
// read from the coordinator's REST API with the user's API key.
//
// Data from the API reaches the DOM through textContent and attributes
// only, never as HTML. The key comes from the URL fragment (#key=..., which
// browsers never send to a server) or the form, and is kept in
// sessionStorage for this tab only. Live task events come from
// GET /api/v1/events, read with fetch() (EventSource cannot send the
// X-Api-Key header) and parsed here.
'use strict';

(() => {
  const KEY_STORAGE = 'triggerx.dashboard.apiKey';
  const TASK_LIMIT = 50;
  const KEEPERS_EVERY_MS = 15000;
  const JOBS_EVERY_MS = 30000;
  const MAX_BACKOFF_MS = 30000;

  // The API is served next to the dashboard: /dashboard -> /api/v1/...
  const base = location.pathname.replace(/\/dashboard\/?$/, '');

  const $ = (id) => document.getElementById(id);

  let apiKey = '';
  let memoryKey = ''; // when sessionStorage is unavailable
  const tasks = new Map(); // task_id -> task
  const errors = new Map(); // source -> message
  let streamGen = 0; // bumped to stop the current stream
  let streamAbort = null;
  let timers = [];

  // ---- DOM helpers: text and attributes only ----

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else e.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === undefined || c === null) continue;
      e.append(c instanceof Node ? c : String(c)); // strings become text nodes
    }
    return e;
  }

  function short(hex) {
    if (typeof hex !== 'string' || hex.length <= 14) return hex || '';
    return hex.slice(0, 8) + '…' + hex.slice(-4);
  }

  function fmtTime(s) {
    if (!s) return '—';
    const d = new Date(s);
    if (Number.isNaN(d.getTime())) return String(s);
    return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  }

  // fmtDuration renders seconds as its two largest units: "2h 1m", "1m".
  function fmtDuration(seconds) {
    let s = Math.max(0, Math.floor(Number(seconds) || 0));
    const parts = [];
    for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]]) {
      const n = Math.floor(s / size);
      s -= n * size;
      if (n || parts.length) parts.push([n, unit]);
    }
    if (parts.length === 0) return '0s';
    return parts.slice(0, 2).filter(([n], i) => i === 0 || n).map(([n, u]) => n + u).join(' ');
  }

  function fmtAgo(s) {
    const t = Date.parse(s);
    if (Number.isNaN(t)) return String(s);
    return fmtDuration((Date.now() - t) / 1000) + ' ago';
  }

  // formatEth renders a decimal wei amount in ether, to 4 decimals.
  function formatEth(wei) {
    let v;
    try { v = BigInt(wei); } catch { return String(wei ?? ''); }
    const unit = 10n ** 18n;
    const neg = v < 0n;
    if (neg) v = -v;
    const frac = (v % unit + unit).toString().slice(1, 5).replace(/0+$/, '');
    return (neg ? '-' : '') + (v / unit).toLocaleString('en-US') + (frac ? '.' + frac : '');
  }

  // ---- API key ----

  function readStoredKey() {
    try { return sessionStorage.getItem(KEY_STORAGE) || ''; } catch { return memoryKey; }
  }

  function storeKey(k) {
    memoryKey = k;
    try {
      if (k) sessionStorage.setItem(KEY_STORAGE, k);
      else sessionStorage.removeItem(KEY_STORAGE);
    } catch { /* storage disabled: memoryKey holds it */ }
  }

  // fragmentKey splits #key=... off the fragment: [key or null, the rest].
  // Not URLSearchParams, which would read a "+" in a key as a space.
  function fragmentKey() {
    let key = null;
    const rest = location.hash.slice(1).split('&').filter((p) => {
      if (!p.startsWith('key=')) return p !== '';
      try { key = decodeURIComponent(p.slice(4)); } catch { key = p.slice(4); }
      return false;
    });
    return [key, rest.join('&')];
  }

  // keyFromFragment moves #key=... into storage and out of the address bar.
  function keyFromFragment() {
    const [key, rest] = fragmentKey();
    if (key === null) return false;
    storeKey(key.trim());
    history.replaceState(null, '', location.pathname + location.search + (rest ? '#' + rest : ''));
    return true;
  }

  // ---- errors ----

  function renderBanner() {
    const b = $('banner');
    if (!apiKey) {
      b.className = 'banner banner-info';
      b.textContent = 'Enter an API key above (or open this page as /dashboard#key=…) to load the dashboard.';
      b.hidden = false;
      return;
    }
    b.className = 'banner';
    b.textContent = [...errors.values()].join(' · ');
    b.hidden = errors.size === 0;
  }

  function setError(source, message) {
    if (message) errors.set(source, message);
    else errors.delete(source);
    renderBanner();
  }

  class APIError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  // apiError reads a problem+json answer into an APIError.
  async function apiError(res, what) {
    let detail = res.statusText || 'request failed';
    try {
      const p = await res.json();
      if (p && typeof p.detail === 'string' && p.detail) detail = p.detail;
      else if (p && typeof p.title === 'string' && p.title) detail = p.title;
    } catch { /* not JSON */ }
    return new APIError(res.status, `${what}: ${res.status} ${detail}`);
  }

  async function api(path, what) {
    let res;
    try {
      res = await fetch(base + path, {
        headers: { 'X-Api-Key': apiKey, Accept: 'application/json' },
        cache: 'no-store',
      });
    } catch (e) {
      throw new APIError(0, `${what}: ${e.message}`);
    }
    if (!res.ok) throw await apiError(res, what);
    return res.json();
  }

  // ---- keepers ----

  async function loadKeepers() {
    try {
      const keepers = await api('/api/v1/keepers', 'keepers');
      renderKeepers(Array.isArray(keepers) ? keepers : []);
      setError('keepers', '');
    } catch (e) {
      setError('keepers', e.message);
    }
  }

  function renderKeepers(keepers) {
    $('keepers-total').textContent = String(keepers.length);
    const online = $('keepers-online');
    if (keepers.some((k) => typeof k.online === 'boolean')) {
      online.textContent = String(keepers.filter((k) => k.online === true).length);
      online.removeAttribute('title');
    } else {
      online.textContent = '–';
      online.title = 'the coordinator reports no keeper heartbeats';
    }
    const rows = keepers.map((k) => {
      const state = k.online === true ? 'online' : k.online === false ? 'offline' : 'unknown';
      const cell = el('td', { class: 'online', 'data-col': 'online' },
        el('span', { class: `dot dot-${state}`, 'aria-hidden': 'true' }), state);
      if (k.last_heartbeat) {
        cell.append(el('span', { class: 'soft', title: fmtTime(k.last_heartbeat) }, ` · heartbeat ${fmtAgo(k.last_heartbeat)}`));
      }
      // uptime_seconds is 0 for a keeper never heard; say so only once it was.
      if (typeof k.uptime_seconds === 'number' && (k.online !== undefined || k.uptime_seconds > 0)) {
        cell.append(el('span', { class: 'soft' }, ` · up ${fmtDuration(k.uptime_seconds)}`));
      }
      const vp = typeof k.voting_power === 'number' ? `${k.voting_power.toFixed(2)}%` : '—';
      return el('tr', { 'data-keeper': k.address, 'data-online': state },
        el('td', { class: 'mono', 'data-col': 'address', title: k.address }, k.address),
        el('td', { 'data-col': 'status' }, el('span', { class: `badge badge-${k.status}` }, k.status)),
        el('td', { class: 'num', 'data-col': 'stake', title: `${k.stake} wei` }, formatEth(k.stake)),
        el('td', { class: 'num', 'data-col': 'voting-power' }, vp),
        el('td', { class: 'num', 'data-col': 'tasks' }, String(k.tasks_performed ?? 0)),
        el('td', { class: 'num', 'data-col': 'points' }, Number.isInteger(k.points) ? String(k.points) : '—'),
        cell);
    });
    if (rows.length === 0) rows.push(el('tr', {}, el('td', { class: 'empty', colspan: 7 }, 'No keepers registered.')));
    $('keepers-body').replaceChildren(...rows);
  }

  // ---- jobs ----

  const DEFINITIONS = {
    1: ['time', 'static'], 2: ['time', 'script'], 3: ['event', 'static'], 4: ['event', 'script'],
    5: ['condition', 'static'], 6: ['condition', 'script'], 7: ['custom', 'script'],
  };

  function triggerText(job) {
    const def = DEFINITIONS[job.task_definition_id] || ['?', '?'];
    const tr = job.trigger || {};
    const kind = tr.kind || def[0];
    let detail = '';
    if (tr.time) {
      if (tr.time.cron) detail = `cron ${tr.time.cron}`;
      else if (tr.time.interval) detail = `every ${fmtDuration(tr.time.interval)}`;
      else if (tr.time.schedule) detail = tr.time.schedule;
    } else if (tr.event && tr.event.event) {
      detail = tr.event.event.split('(')[0];
    } else if (!tr.kind && job.time_interval) {
      detail = `every ${fmtDuration(job.time_interval)}`;
    }
    return { kind, detail, definition: `def ${job.task_definition_id} (${def[0]}, ${def[1]})` };
  }

  async function loadJobs() {
    try {
      const page = await api('/api/v1/jobs?limit=100', 'jobs');
      renderJobs(page && Array.isArray(page.jobs) ? page.jobs : []);
      setError('jobs', '');
    } catch (e) {
      setError('jobs', e.message);
    }
  }

  function renderJobs(jobs) {
    const rows = jobs.map((j) => {
      const t = triggerText(j);
      return el('tr', { 'data-job': j.job_id, 'data-status': j.status },
        el('td', { class: 'num' }, j.job_id),
        el('td', {}, j.job_title || '—'),
        el('td', {}, el('span', { class: 'trigger-kind' }, t.kind),
          t.detail ? el('span', { class: 'soft' }, ` · ${t.detail}`) : null,
          el('span', { class: 'soft' }, ` · ${t.definition}`)),
        el('td', {}, el('span', { class: `badge badge-${j.status}` }, j.status)),
        el('td', {}, fmtTime(j.next_execution_timestamp)));
    });
    if (rows.length === 0) rows.push(el('tr', {}, el('td', { class: 'empty', colspan: 5 }, 'No jobs.')));
    $('jobs-body').replaceChildren(...rows);
  }

  // ---- tasks ----

  const RANK = { processing: 0, dispatched: 1, completed: 2, rejected: 2, failed: 2 };
  const TERMINAL = new Set(['completed', 'rejected', 'failed']);

  // stages maps a task to its row of steps:
  // created → dispatched → executed → completed | rejected | failed.
  // Each stage is done, current (where the task is now), pending, skipped
  // (a failed task never got there) or the task's outcome.
  function stages(t) {
    const status = t.task_status;
    const terminal = TERMINAL.has(status);
    const performer = t.task_performer || '';
    const execTx = t.execution_tx_hash || '';

    const created = {
      name: 'created',
      state: status === 'processing' ? 'current' : 'done',
      detail: status === 'processing' ? 'processing' : fmtTime(t.created_at),
    };

    let dispatched = 'pending';
    if (status === 'dispatched' && !execTx) dispatched = 'current';
    else if (performer || status !== 'processing' && status !== 'failed') dispatched = 'done';
    else if (terminal) dispatched = 'skipped';
    const dispatchedStage = {
      name: 'dispatched', state: dispatched,
      detail: performer ? `performer ${short(performer)}` : '—', title: performer,
    };

    let executed = 'pending';
    if (execTx) executed = status === 'dispatched' ? 'current' : 'done';
    else if (terminal) executed = 'skipped';
    const executedStage = {
      name: 'executed', state: executed,
      detail: execTx ? `tx ${short(execTx)}` : '—', title: execTx,
    };

    let outcome;
    switch (status) {
      case 'completed':
        outcome = { name: 'completed', state: 'completed', detail: t.task_submission_tx_hash ? `tx ${short(t.task_submission_tx_hash)}` : 'accepted', title: t.task_submission_tx_hash };
        break;
      case 'rejected':
        outcome = { name: 'rejected', state: 'rejected', detail: t.task_error || 'rejected by the AttestationCenter' };
        break;
      case 'failed':
        outcome = { name: 'failed', state: 'failed', detail: t.task_error || 'failed' };
        break;
      default:
        outcome = { name: 'outcome', state: 'pending', detail: 'completed, rejected or failed' };
    }
    return [created, dispatchedStage, executedStage, outcome];
  }

  function renderTask(t) {
    const steps = stages(t).map((s) => el('li', {
      class: `stage stage-${s.state}`, 'data-stage': s.name, 'data-state': s.state, title: s.title || null,
    }, el('span', { class: 'stage-name' }, s.name), el('span', { class: 'stage-detail' }, s.detail)));
    return el('article', { class: `task task-${t.task_status}`, 'data-task': t.task_id, 'data-status': t.task_status },
      el('div', { class: 'task-head' },
        el('span', { class: 'job' }, `Job #${t.job_id}`),
        el('span', { class: 'mono', title: t.task_id }, short(t.task_id)),
        el('span', { class: 'soft' }, `scheduled ${fmtTime(t.scheduled_at)}`),
        t.round ? el('span', { class: 'soft' }, `round ${t.round}`) : null),
      el('ol', { class: 'stages', 'aria-label': `task ${t.task_status}` }, ...steps));
  }

  // newer reports whether task a is a later state than b of the same task.
  function newer(a, b) {
    const ta = Date.parse(a.updated_at) || 0;
    const tb = Date.parse(b.updated_at) || 0;
    if (ta !== tb) return ta > tb;
    return (RANK[a.task_status] ?? 0) >= (RANK[b.task_status] ?? 0);
  }

  function upsertTask(t) {
    if (!t || typeof t.task_id !== 'string') return;
    const old = tasks.get(t.task_id);
    if (old && !newer(t, old)) return;
    tasks.set(t.task_id, t);
  }

  function orderedTasks() {
    return [...tasks.values()].sort((a, b) => {
      const d = (Date.parse(b.scheduled_at) || 0) - (Date.parse(a.scheduled_at) || 0);
      return d !== 0 ? d : a.task_id < b.task_id ? -1 : a.task_id > b.task_id ? 1 : 0;
    });
  }

  function renderTasks() {
    const list = orderedTasks();
    for (const t of list.slice(TASK_LIMIT)) tasks.delete(t.task_id);
    const shown = list.slice(0, TASK_LIMIT);
    $('tasks-empty').hidden = shown.length > 0;
    $('tasks').replaceChildren(...shown.map(renderTask));
  }

  async function loadTasks() {
    try {
      const list = await api(`/api/v1/tasks?limit=${TASK_LIMIT}`, 'tasks');
      if (Array.isArray(list)) list.forEach(upsertTask);
      renderTasks();
      setError('tasks', '');
    } catch (e) {
      setError('tasks', e.message);
    }
  }

  // ---- live events ----

  function setStream(state) {
    const s = $('stream');
    s.className = `stream stream-${state}`;
    s.dataset.state = state;
    s.textContent = state === 'live' ? 'live: on' : state === 'connecting' ? 'live: connecting' : 'live: off';
    document.body.dataset.stream = state;
  }

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  // readEvents parses a Server-Sent Events body, calling onEvent(type,
  // data, id) per event and onComment(text) per comment line.
  async function readEvents(body, onEvent, onComment) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    let type = '';
    let data = [];
    let id = '';
    const line = (l) => {
      if (l === '') {
        if (data.length) onEvent(type || 'message', data.join('\n'), id);
        type = '';
        data = [];
        return;
      }
      if (l[0] === ':') {
        onComment(l.slice(1).trim());
        return;
      }
      const i = l.indexOf(':');
      const field = i < 0 ? l : l.slice(0, i);
      let value = i < 0 ? '' : l.slice(i + 1);
      if (value[0] === ' ') value = value.slice(1);
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += value;
      for (;;) {
        const m = /\r\n|\r|\n/.exec(buf);
        // A trailing \r may be the first half of \r\n: wait for more.
        if (!m || (m[0] === '\r' && m.index === buf.length - 1)) break;
        line(buf.slice(0, m.index));
        buf = buf.slice(m.index + m[0].length);
      }
    }
  }

  async function stream() {
    const gen = ++streamGen;
    let failures = 0;
    while (gen === streamGen && apiKey) {
      const ctrl = new AbortController();
      streamAbort = ctrl;
      setStream('connecting');
      try {
        const res = await fetch(base + '/api/v1/events', {
          headers: { 'X-Api-Key': apiKey, Accept: 'text/event-stream' },
          cache: 'no-store',
          signal: ctrl.signal,
        });
        if (!res.ok) throw await apiError(res, 'live events');
        await readEvents(res.body, (type, data) => {
          if (type !== 'task' || gen !== streamGen) return;
          try {
            upsertTask(JSON.parse(data));
            renderTasks();
          } catch (e) {
            setError('events', `live events: bad event: ${e.message}`);
          }
        }, (comment) => {
          if (comment !== 'subscribed' || gen !== streamGen) return;
          failures = 0;
          setStream('live');
          setError('events', '');
          // Events before this subscription were not heard: re-read.
          loadTasks();
        });
      } catch (e) {
        if (gen !== streamGen) return;
        setError('events', e instanceof APIError ? e.message : `live events: ${e.message}`);
        if (e.status === 401 || e.status === 403) {
          setStream('off');
          return; // the key will not work better next time
        }
      }
      if (gen !== streamGen) return;
      setStream('connecting');
      await sleep(Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures++));
    }
  }

  function stopStream() {
    streamGen++;
    if (streamAbort) streamAbort.abort();
    streamAbort = null;
    setStream('off');
  }

  // ---- lifecycle ----

  function stop() {
    stopStream();
    timers.forEach(clearInterval);
    timers = [];
  }

  async function start() {
    stop();
    apiKey = readStoredKey();
    errors.clear();
    renderBanner();
    if (!apiKey) {
      document.body.dataset.loaded = 'nokey';
      return;
    }
    stream();
    await Promise.all([loadKeepers(), loadJobs(), loadTasks()]);
    timers.push(setInterval(loadKeepers, KEEPERS_EVERY_MS), setInterval(loadJobs, JOBS_EVERY_MS));
    document.body.dataset.loaded = 'true';
  }

  function clearData() {
    tasks.clear();
    $('keepers-body').replaceChildren();
    $('jobs-body').replaceChildren();
    $('keepers-total').textContent = '–';
    $('keepers-online').textContent = '–';
    renderTasks();
  }

  document.addEventListener('DOMContentLoaded', () => {
    keyFromFragment();
    $('key-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const input = $('key-input');
      const k = input.value.trim();
      input.value = '';
      if (!k) return;
      storeKey(k);
      clearData();
      start();
    });
    $('key-forget').addEventListener('click', () => {
      storeKey('');
      stop();
      clearData();
      apiKey = '';
      errors.clear();
      renderBanner();
    });
    window.addEventListener('hashchange', () => {
      if (!keyFromFragment()) return;
      clearData();
      start();
    });
    start();
  });
})();

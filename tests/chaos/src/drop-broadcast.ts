/**
 * Scenario drop-broadcast: two API nodes share rooms through the Socket.IO Redis adapter; 12
 * clients (3 documents × 4 users, two on each node) type into the same documents. Some clients
 * deliberately lose incoming doc:update broadcasts (their socket ignores them: one broadcast on a
 * client of node A, one on a client of node B, three in a row on another client of node A).
 * Periodic resync is off, so only seq-gap detection (doc:sync) can repair them.
 *
 * Checks: every dropper detected the gap and repaired it (gapsRepaired >= 1); every replica
 * equals the stored state; nothing acked is lost; coalition presence (presence:join) shows, on
 * every client, the users connected to both nodes.
 */
import { DEMO_USERS } from './lib/api-node.js';
import { Ledger, Typist } from './lib/typist.js';
import { args, log, numberArg, sleep, waitUntil } from './lib/util.js';
import { runScenario, type TypistSpec } from './lib/world.js';

const a = args();
const DOCS = numberArg(a, 'docs', 3);
const RATE = numberArg(a, 'rate', 4);
const BEFORE_MS = numberArg(a, 'before', 3000);
const AFTER_MS = numberArg(a, 'after', 6000);
/** --no-drop: control run without dropped broadcasts. */
const NO_DROP = a.has('no-drop');

/** Users on node A and on node B: each user is connected to one node only. */
const ON_A = DEMO_USERS.slice(0, 3);
const ON_B = DEMO_USERS.slice(3);

await runScenario(
  'drop-broadcast',
  async (world, report) => {
    await world.startNodes(2, { redis: true });
    const [nodeA, nodeB] = world.nodes;
    await world.setup(DOCS + 1); // the last document is for the cross-node probe
    const specs: TypistSpec[] = [];
    for (let d = 0; d < DOCS; d++) {
      specs.push({ doc: d, node: 0, email: ON_A[(2 * d) % ON_A.length] });
      specs.push({ doc: d, node: 0, email: ON_A[(2 * d + 1) % ON_A.length] });
      specs.push({ doc: d, node: 1, email: ON_B[0] });
      specs.push({ doc: d, node: 1, email: ON_B[1] });
    }
    const typists = world.addTypists(specs, { resyncIntervalMs: 0 });
    await world.waitAllSynced(30_000, 'initial open');
    log(
      `${typists.length} clients opened ${DOCS} documents (${nodeA.name}: ${ON_A.join(', ')}; ${nodeB.name}: ${ON_B.join(', ')})`,
    );

    // Presence: everyone joins the coalition, located on their document.
    await Promise.all(typists.map((t) => t.joinPresence(world.coalitionId)));
    const sessions = [...world.sessions.values()];
    const everyone = new Set(sessions.map((s) => s.userId));
    const runDocs = new Set(world.docs);
    const seesEveryone = (t: (typeof typists)[number]) => {
      const seen = new Set(
        (t.presence?.members ?? [])
          .filter((m) => m.locations.some((l) => l.docId && runDocs.has(l.docId)))
          .map((m) => m.userId),
      );
      return [...everyone].every((u) => seen.has(u));
    };
    const presenceOk = await waitUntil(() => typists.every(seesEveryone), 10_000, 100);
    const presenceDetail = typists
      .filter((t) => !seesEveryone(t))
      .map(
        (t) =>
          `#${t.index} (${t.options.nodeName}) sees ${(t.presence?.members ?? []).map((m) => m.name).join(', ')} (member counts received: ${t.presenceHistory.join(',')})`,
      );
    log(`presence: ${presenceOk ? 'every client sees all 5 users' : presenceDetail.join('; ')}`);

    // Probe (deterministic): an edit made on node A right after text committed through node B.
    const probe = await crossNodeProbe(world);
    log(`cross-node probe: ${probe.ok ? 'accepted' : `refused (${probe.detail})`}`);

    world.startTyping(RATE);
    await sleep(BEFORE_MS);
    // Droppers: a client of node A (doc 0), a client of node B (doc 1), and three in a row on
    // another client of node A (doc 2, or doc 0 with fewer docs).
    const droppers: Array<{ t: (typeof typists)[number]; n: number }> = [
      { t: typists[0], n: 1 },
      { t: typists[Math.min(DOCS - 1, 1) * 4 + 2], n: 1 },
      { t: typists[Math.min(DOCS - 1, 2) * 4 + 1], n: 3 },
    ];
    if (!NO_DROP) for (const { t, n } of droppers) t.dropNextBroadcasts(n);
    if (!NO_DROP)
      log(
        `armed: ${droppers.map(({ t, n }) => `#${t.index} (${t.options.nodeName}) drops ${n}`).join(', ')}`,
      );
    const dropped = await waitUntil(() => droppers.every(({ t }) => !t.dropPending), 10_000, 20);
    await sleep(AFTER_MS);
    world.stopTyping();
    log('typing stopped; verifying');

    const remoteBroadcasts = typists.reduce((n, t) => n + t.broadcastsReceived, 0);
    report.figure(
      'nodes',
      `${nodeA.name} (pid ${nodeA.pid}) + ${nodeB.name} (pid ${nodeB.pid}), Redis adapter`,
    );
    report.figure(
      'clients × documents',
      `${typists.length} clients, ${DOCS} docs, ~${RATE} edits/s each, periodic resync off`,
    );
    report.figure('broadcasts received by clients', remoteBroadcasts);
    for (const { t } of droppers) {
      report.figure(
        `client #${t.index} (${t.options.nodeName}, doc ${t.docId.slice(0, 8)})`,
        `dropped seq ${t.dropped.join(', ') || '-'}; gaps repaired ${t.handle.stats.gapsRepaired}; periodic resyncs ${t.handle.stats.resyncs}`,
      );
    }
    report.figure(
      'gap repairs by clients that dropped nothing',
      typists
        .filter((t) => !droppers.some((d) => d.t === t))
        .reduce((n, t) => n + t.handle.stats.gapsRepaired, 0),
    );
    report.check(
      'an edit on node A that builds on text committed through node B is accepted',
      probe.ok,
      probe.detail,
    );
    if (NO_DROP) report.note('--no-drop: control run, no broadcast was dropped');
    else
      report.check(
        'the broadcasts were dropped',
        dropped,
        droppers.map(({ t }) => `#${t.index}: ${t.dropped.length}`).join(', '),
      );
    if (!NO_DROP)
      report.check(
        'every dropper detected the seq gap and repaired it with doc:sync',
        droppers.every(({ t }) => t.handle.stats.gapsRepaired >= 1 && t.handle.stats.resyncs === 0),
      );
    report.check(
      'presence:join shows the users of both nodes on every client',
      presenceOk,
      presenceOk
        ? `${typists.length} clients see ${everyone.size} users (${ON_A.length} on ${nodeA.name}, ${ON_B.length} on ${nodeB.name})`
        : presenceDetail.slice(0, 4).join('; '),
    );

    await world.verify();
    const errors = world.logErrors();
    report.check('no error-level line in the server logs', errors === 0, `${errors} lines`);
  },
  { seed: a.has('seed') ? numberArg(a, 'seed', 1) : undefined },
);

/**
 * A client on node B inserts text; once a client on node A has received it (relayed through
 * Redis), the client on node A types right after it, so its update refers to B's struct (origin).
 * Node A must accept it: the struct is committed in PostgreSQL.
 */
async function crossNodeProbe(
  world: import('./lib/world.js').World,
): Promise<{ ok: boolean; detail: string }> {
  const docId = world.docs[world.docs.length - 1];
  const ledger = new Ledger();
  const make = (node: number, email: string, index: number) =>
    new Typist({
      index,
      url: world.nodes[node].url,
      nodeName: world.nodes[node].name,
      token: world.sessions.get(email)!.token,
      userEmail: email,
      docId,
      ledger,
      seed: index,
    });
  const onA = make(0, ON_A[0], 100);
  const onB = make(1, ON_B[0], 101);
  try {
    const opened = await waitUntil(
      () => onA.handle.status === 'synced' && onB.handle.status === 'synced',
      15_000,
      20,
    );
    if (!opened) return { ok: false, detail: 'probe clients did not open' };
    const results: string[] = [];
    let ok = true;
    for (let round = 0; round < 3; round++) {
      const marker = `<B${round}>`;
      onB.text.insert(onB.text.length, marker);
      const seen = await waitUntil(
        () => onB.handle.pendingUpdates === 0 && onA.text.toString().includes(marker),
        10_000,
        10,
      );
      if (!seen) return { ok: false, detail: `node A never received ${marker}` };
      onA.text.insert(onA.text.toString().indexOf(marker) + marker.length, `<A${round}>`);
      await waitUntil(
        () => onA.handle.pendingUpdates === 0 || onA.handle.status === 'error',
        10_000,
        10,
      );
      const refused = [...ledger.refusals.values()].filter((r) => r.client === 100);
      if (refused.length || onA.handle.status === 'error') {
        ok = false;
        results.push(
          `round ${round}: ${refused.map((r) => r.code).join(', ') || onA.handle.status} (${onA.errors[0] ?? ''})`,
        );
        break;
      }
      results.push(`round ${round}: ok`);
    }
    return { ok, detail: results.join('; ') };
  } finally {
    onA.close();
    onB.close();
  }
}

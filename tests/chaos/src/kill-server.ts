/**
 * Scenario kill-server: 20 clients (4 documents × 5 users) type into shared documents against one
 * API process; the process is killed with SIGKILL while they type, then started again on the same
 * port and database. The clients reconnect and resend their outbox.
 *
 * Checks: every update acked by the killed process is in PostgreSQL (read while the server is
 * down, before any client can resend), and every update acked overall at the end; every replica,
 * the database and a fresh doc:open agree; no update was refused; the stored log has no seq gap.
 */
import { DEMO_USERS } from './lib/api-node.js';
import { Ledger } from './lib/typist.js';
import { args, log, numberArg, sleep, waitUntil } from './lib/util.js';
import { checkAcked } from './lib/verify.js';
import { runScenario, type TypistSpec } from './lib/world.js';

const a = args();
const DOCS = numberArg(a, 'docs', 4);
const PER_DOC = numberArg(a, 'clients-per-doc', 5);
const RATE = numberArg(a, 'rate', 4);
const BEFORE_MS = numberArg(a, 'before', 6000);
const DOWN_MS = numberArg(a, 'down', 2000);
const AFTER_MS = numberArg(a, 'after', 6000);
const COMPACT_AFTER = numberArg(a, 'compact-after', 150);
/**
 * --sabotage: negative control. While the server is down, the 3 newest rows of each document's log
 * are deleted (head_seq moved back, so the log stays dense): the run must FAIL on the check done
 * while down, which shows that the harness sees a lost acked update.
 */
const SABOTAGE = a.has('sabotage');

await runScenario(
  'kill-server',
  async (world, report) => {
    await world.startNodes(1, { env: { COLLAB_COMPACT_AFTER_UPDATES: String(COMPACT_AFTER) } });
    const node = world.nodes[0];
    await world.setup(DOCS);
    const specs: TypistSpec[] = [];
    for (let d = 0; d < DOCS; d++)
      for (let c = 0; c < PER_DOC; c++)
        specs.push({ doc: d, node: 0, email: DEMO_USERS[c % DEMO_USERS.length] });
    const typists = world.addTypists(specs);
    await world.waitAllSynced(30_000, 'initial open');
    log(`${typists.length} clients opened ${DOCS} documents`);

    world.ledger.phase = 'before-kill';
    world.startTyping(RATE);
    await sleep(BEFORE_MS);

    const firstPid = node.pid;
    const pendingAtKill = typists.reduce((n, t) => n + t.handle.pendingUpdates, 0);
    world.ledger.phase = 'down';
    const killedAt = Date.now();
    await node.kill9();
    const ackedBeforeKill = world.ledger.ackedIn('before-kill');
    log(
      `kill -9 pid ${firstPid}: ${ackedBeforeKill} updates acked so far, ${pendingAtKill} in outboxes`,
    );

    await sleep(DOWN_MS); // clients keep typing offline
    const offline = typists.filter((t) => t.client.status !== 'connected').length;
    if (SABOTAGE) {
      for (const docId of world.docs) {
        await world.db!.query(
          `WITH gone AS (
             DELETE FROM doc_updates WHERE doc_id = $1 AND seq > (SELECT head_seq - 3 FROM doc_heads WHERE doc_id = $1)
               AND seq > (SELECT upto_seq FROM doc_snapshots WHERE doc_id = $1) RETURNING seq)
           UPDATE doc_heads SET head_seq = head_seq - (SELECT count(*) FROM gone) WHERE doc_id = $1`,
          [docId],
        );
      }
      report.note('--sabotage: 3 acked updates per document deleted while the server was down');
    }
    // (a) checked now, while the server is dead: after the restart, a client's re-open sends what
    // the server lacks (missing-update computation), which would mask an ack given before commit.
    const ackedByKilled = [...world.ledger.acks.values()];
    const storedAtKill = await world.db!.stored(
      world.docs,
      ackedByKilled.map((r) => r.updateId),
    );
    const killedLedger = new Ledger();
    for (const r of ackedByKilled) killedLedger.acks.set(r.updateId, r);
    const atKill = checkAcked(killedLedger, storedAtKill);
    log(
      `database while down: ${atKill.acked} acked updates, ${atKill.storedById} by update_id + ${atKill.storedByContent} by content, ${atKill.lost.length} lost`,
    );
    const restartStarted = Date.now();
    const secondPid = await node.start();
    world.ledger.phase = 'after-restart';
    log(`restarted: pid ${secondPid} on port ${node.port} (${Date.now() - restartStarted} ms)`);
    const reopened = await waitUntil(
      () => typists.every((t) => t.client.status === 'connected' && t.handle.stats.opens >= 2),
      30_000,
      50,
    );
    const reconnectMs = Date.now() - killedAt;
    log(
      `clients ${reopened ? 'all reconnected and re-opened' : 'NOT all reconnected'} ${reconnectMs} ms after the kill`,
    );

    await sleep(AFTER_MS);
    world.stopTyping();
    log('typing stopped; verifying');

    report.figure(
      'clients × documents',
      `${typists.length} clients, ${DOCS} docs, ~${RATE} edits/s each`,
    );
    report.figure('acked before the kill', ackedBeforeKill);
    report.figure('outbox entries at the kill', pendingAtKill);
    report.figure('clients offline while down', `${offline}/${typists.length}`);
    report.figure('kill -> all clients re-opened', `${reconnectMs} ms`);
    report.figure('api pids', `${firstPid} (killed) -> ${secondPid}`);
    report.check(
      'the API process was killed with SIGKILL',
      node.history[0]?.exit?.signal === 'SIGKILL',
      JSON.stringify(node.history[0]?.exit),
    );
    report.check(
      'clients saw the server go away',
      offline === typists.length,
      `${offline}/${typists.length} offline`,
    );
    report.check(
      'the API restarted on the same port and database; every client reconnected and re-opened',
      reopened && secondPid !== firstPid,
    );

    await world.verify();

    report.check(
      'every update acked by the killed process was in PostgreSQL while it was down',
      atKill.acked > 0 && atKill.lost.length === 0 && atKill.pendingStates.length === 0,
      `${atKill.acked} acked (${ackedBeforeKill} before the kill signal): ${atKill.storedById} by update_id, ${atKill.storedByContent} folded by compaction, ${atKill.lost.length} lost`,
    );
    const errors = world.logErrors();
    report.check('no error-level line in the server log', errors === 0, `${errors} lines`);
  },
  { seed: a.has('seed') ? numberArg(a, 'seed', 1) : undefined },
);

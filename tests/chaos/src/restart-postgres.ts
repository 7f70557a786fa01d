/**
 * Scenario restart-postgres: 20 clients type into 4 shared documents against one API process;
 * PostgreSQL is restarted (`pg_ctlcluster <v> main restart -m fast`) mid-session.
 *
 * Checks: the API process survives (same pid, still running) and /api/health comes back to ok;
 * acks pause (error acks UNAVAILABLE, or waiting) and resume; nothing acked is lost; nothing is
 * refused for good; replicas and the database converge.
 */
import type { HealthSample } from './lib/api-node.js';
import { DEMO_USERS } from './lib/api-node.js';
import { LocalCluster } from './lib/postgres.js';
import { args, log, numberArg, sleep, waitUntil } from './lib/util.js';
import { longestAckPause } from './lib/verify.js';
import { runScenario, type TypistSpec } from './lib/world.js';

const a = args();
const DOCS = numberArg(a, 'docs', 4);
const PER_DOC = numberArg(a, 'clients-per-doc', 5);
const RATE = numberArg(a, 'rate', 4);
const BEFORE_MS = numberArg(a, 'before', 5000);
const AFTER_MS = numberArg(a, 'after', 8000);
/** 0: `pg_ctlcluster restart`; N > 0: stop, wait N ms, start (a longer outage). */
const OUTAGE_MS = numberArg(a, 'outage', 0);

await runScenario(
  'restart-postgres',
  async (world, report) => {
    const cluster = LocalCluster.detect();
    // Whatever happens, leave the cluster running.
    world.onCleanup(async () => {
      if (!(await cluster.isOnline())) {
        log('cluster is down: starting it');
        await cluster.start();
      }
      await cluster.waitReady(30_000);
    });
    await world.startNodes(1);
    const node = world.nodes[0];
    await world.setup(DOCS);
    const specs: TypistSpec[] = [];
    for (let d = 0; d < DOCS; d++)
      for (let c = 0; c < PER_DOC; c++)
        specs.push({ doc: d, node: 0, email: DEMO_USERS[c % DEMO_USERS.length] });
    const typists = world.addTypists(specs);
    await world.waitAllSynced(30_000, 'initial open');
    log(`${typists.length} clients opened ${DOCS} documents`);

    world.ledger.phase = 'before-restart';
    world.startTyping(RATE);
    await sleep(BEFORE_MS);

    const pid = node.pid;
    const samples: HealthSample[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        samples.push(await node.health());
        await sleep(200);
      }
    })();

    world.ledger.phase = 'during-restart';
    const ackedBefore = world.ledger.acks.size;
    const restartAt = Date.now();
    log(
      `${OUTAGE_MS ? `stopping PostgreSQL for ${OUTAGE_MS} ms` : 'restarting PostgreSQL'} ${cluster.version}/${cluster.name} (${ackedBefore} updates acked so far)`,
    );
    if (OUTAGE_MS) {
      await cluster.stop();
      await sleep(OUTAGE_MS);
      await cluster.start();
    } else {
      await cluster.restart();
    }
    const restartedAt = Date.now();
    log(`pg_ctlcluster restart returned after ${restartedAt - restartAt} ms`);
    const healthy = await waitUntil(async () => (await node.health()).status === 'ok', 60_000, 200);
    const healthyAt = Date.now();
    world.ledger.phase = 'after-restart';
    log(
      `/api/health ${healthy ? 'ok again' : 'NOT ok'} ${healthyAt - restartAt} ms after the restart began`,
    );

    await sleep(AFTER_MS);
    world.stopTyping();
    polling = false;
    await poller;
    log('typing stopped; verifying');

    const firstAckAfter = world.ledger.ackTimes
      .filter((t) => t > restartedAt)
      .sort((x, y) => x - y)[0];
    const errorsDuring = world.ledger.errorTimes.filter((e) => e.at >= restartAt);
    const notOk = samples.filter((s) => s.status !== 'ok' && s.at >= restartAt);
    const pause = longestAckPause(world.ledger, restartAt - 1000, healthyAt + 2000);
    const acksAfter = world.ledger.ackedIn('after-restart');

    report.figure(
      'clients × documents',
      `${typists.length} clients, ${DOCS} docs, ~${RATE} edits/s each`,
    );
    report.figure(
      OUTAGE_MS ? 'PostgreSQL stop, outage, start' : 'PostgreSQL restart (pg_ctlcluster)',
      `${restartedAt - restartAt} ms`,
    );
    report.figure('acked before the restart', ackedBefore);
    report.figure(
      'health samples not ok',
      `${notOk.length} (${[...new Set(notOk.map((s) => s.status))].join(', ') || '-'})`,
    );
    report.figure('restart -> /api/health ok', `${healthyAt - restartAt} ms`);
    report.figure(
      'restart -> first ack after it',
      firstAckAfter ? `${firstAckAfter - restartAt} ms` : 'never',
    );
    report.figure('longest pause without any ack', `${pause} ms`);
    report.figure(
      'error acks from the restart on',
      errorsDuring.length
        ? Object.entries(
            errorsDuring.reduce<Record<string, number>>(
              (m, e) => ((m[e.code] = (m[e.code] ?? 0) + 1), m),
              {},
            ),
          )
            .map(([c, n]) => `${c}×${n}`)
            .join(', ')
        : 'none (acks waited)',
    );
    report.figure(
      'client retries (retryable error acks)',
      typists.reduce((n, t) => n + t.handle.stats.retried, 0),
    );
    report.figure('acked after the restart', acksAfter);
    report.check(
      'the API process survived (same pid, still running)',
      node.running && node.pid === pid && node.history.length === 1,
      `pid ${pid} -> ${node.pid}, running ${node.running}`,
    );
    report.check(
      '/api/health returned to ok',
      healthy,
      `${healthyAt - restartAt} ms after the restart began`,
    );
    report.check(
      'acks resumed after the restart',
      acksAfter > 0,
      `${acksAfter} acked after health was back`,
    );
    report.check(
      'no doc:update failed with INTERNAL (a database outage is UNAVAILABLE, retryable)',
      !world.ledger.errorAcks.has('INTERNAL'),
      world.ledger.errorSummary(),
    );

    await world.verify();
    world.logErrors();
  },
  { seed: a.has('seed') ? numberArg(a, 'seed', 1) : undefined },
);

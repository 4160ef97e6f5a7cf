// The status page: GET /api/v1/admin/queue every two seconds, written into three tables with
// textContent only (the data is never parsed as HTML).
/* global document, fetch, setTimeout */
(function () {
  'use strict';
  function row(cells) {
    var tr = document.createElement('tr');
    cells.forEach(function (value) {
      var td = document.createElement('td');
      td.textContent = String(value);
      tr.appendChild(td);
    });
    return tr;
  }
  function fill(id, rows) {
    var body = document.querySelector('#' + id + ' tbody');
    body.replaceChildren.apply(body, rows.map(row));
  }
  function show(status) {
    var c = status.counts;
    fill('status-counts', [
      [c.waiting, c.active, c.delayed, c.failed, status.sandboxCapPerDockerHost === null ? 'none' : status.sandboxCapPerDockerHost],
    ]);
    fill(
      'status-workers',
      status.workers.map(function (w) {
        return [
          w.name,
          w.host,
          w.pid,
          w.dockerEngine.slice(0, 12),
          w.concurrency,
          w.runningCount,
          w.secondsSinceHeartbeat + ' s ago',
          w.draining ? 'draining' : 'taking jobs',
        ];
      }),
    );
    fill(
      'status-waiting',
      status.waiting.map(function (job) {
        return [job.position, job.submissionId, job.queuedAt];
      }),
    );
    document.getElementById('status-updated').textContent =
      'Updated ' + new Date(status.at).toLocaleTimeString() + ': ' + status.workers.length + ' worker(s).';
  }
  function refresh() {
    fetch('/api/v1/admin/queue')
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) throw new Error(body.message || 'HTTP ' + response.status);
          show(body);
        });
      })
      .catch(function (error) {
        document.getElementById('status-updated').textContent = 'Cannot read the queue: ' + error.message;
      })
      .finally(function () {
        setTimeout(refresh, 2000);
      });
  }
  refresh();
})();

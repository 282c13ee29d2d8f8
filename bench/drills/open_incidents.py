#!/usr/bin/env python3
"""Opens N P1 incidents over HTTP, spread over the given nodes like a round-robin load balancer
   (a request refused by a dead node is sent to the next one), from T threads. Each incident is
   back-dated so that its response breach (1 h after opening) falls due BREACH_MIN..BREACH_MAX
   seconds from now. After KILL_AFTER accepted requests it runs KILL_COMMAND once.
   A request whose answer is cut off (the node died while answering) counts as not accepted and
   is sent to the next node, as a client would; the dead node may still have committed it, so the
   database can hold more incidents than were accepted, never fewer.
   Writes "id node" per accepted incident to OUT and prints a summary line.
   Usage: open_incidents.py N THREADS BREACH_MIN BREACH_MAX OUT KILL_AFTER KILL_COMMAND PORT..."""
import base64
import http.client
import datetime
import os
import itertools
import json
import subprocess
import sys
import threading
import urllib.error
import urllib.request

n, threads, bmin, bmax = (int(a) for a in sys.argv[1:5])
out_path, kill_after, kill_command = sys.argv[5], int(sys.argv[6]), sys.argv[7]
ports = sys.argv[8:]
clock_offset_ms = int(os.environ.get("CLOCK_OFFSET_MS", "0"))
auth = "Basic " + base64.b64encode(b"sre:demo").decode()
lock = threading.Lock()
counter = itertools.count()
accepted, errors, per_node, killed = [], {}, {p: 0 for p in ports}, [False]
dead = set()


def post(port, i):
    breach_in = bmin + (i * 7919) % max(1, bmax - bmin)
    # the service's now: the drills run it on a pinned day (CLOCK_OFFSET_MS, see lib.sh)
    now = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(milliseconds=clock_offset_ms)
    opened = now - datetime.timedelta(seconds=3600 - breach_in)
    body = json.dumps({"title": "cluster drill %d" % i, "severity": "P1", "components": ["core"],
                       "environment": "production", "impact": "outage",
                       "openedAt": opened.strftime("%Y-%m-%dT%H:%M:%SZ")}).encode()
    req = urllib.request.Request("http://127.0.0.1:%s/api/incidents" % port, data=body, method="POST",
                                 headers={"Content-Type": "application/json", "Authorization": auth})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())["id"]


def work():
    while True:
        i = next(counter)
        if i >= n:
            return
        order = ports[i % len(ports):] + ports[:i % len(ports)]
        for port in order:
            if port in dead:
                continue
            try:
                incident = post(port, i)
            except urllib.error.HTTPError as e:
                with lock:
                    errors[e.code] = errors.get(e.code, 0) + 1
                break
            except (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError):
                with lock:
                    dead.add(port)
                continue
            with lock:
                accepted.append((incident, port))
                per_node[port] += 1
                if len(accepted) >= kill_after and not killed[0] and kill_command:
                    killed[0] = True
                    subprocess.run(kill_command, shell=True, check=False)
            break


workers = [threading.Thread(target=work) for _ in range(threads)]
for w in workers:
    w.start()
for w in workers:
    w.join()
with open(out_path, "w") as f:
    for incident, port in accepted:
        f.write("%s %s\n" % (incident, port))
print("opened %d of %d incidents; per node %s; refused %s" % (len(accepted), n, per_node, errors or "none"))

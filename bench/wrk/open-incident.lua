-- POST /api/incidents: each request opens an incident and starts its incident-response process
dofile("bench/wrk/report.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"title":"bench write","severity":"P3","components":["core"],"environment":"production","impact":"degraded"}'

-- GET the URL given to wrk (headers from -H)
dofile("bench/wrk/report.lua")

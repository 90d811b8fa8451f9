-- wrk: POST /api/v1/licenses/verify with the show token in TOKEN (bench/licenses-scale.sh verify).
wrk.method = "POST"
wrk.body = '{"token":"' .. os.getenv("TOKEN") .. '"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

"""gunicorn's settings for `make serve` (the command line adds the address and the number
of workers). Logs go to stderr, the access log with each request's id."""

# Django logs errors (with their tracebacks and request ids) to stderr too: see
# config/logging.py.
errorlog = "-"
accesslog = "-"
# The common log format, then the request's id (config.middleware.RequestIdMiddleware puts
# it on every response) and the time taken, in milliseconds.
access_log_format = (
    '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %({x-request-id}o)s %(M)sms'
)
graceful_timeout = 10

"""Caching at the edge: what browsers, a CDN or a proxy in front of the app may keep, and
how they check that it is still current. The one place HTTP caching is decided; see
docs/caching.md for the whole map.

Nothing here keeps pages on the server. Every read page and list carries an ETag and a
Last-Modified made from the data's revision (settings.EDGE_REVISION: events.selectors.revision,
one indexed read of one row), and a client or cache that sends them back gets a 304 without the page being
read or rendered. Records' detail pages carry their own version (updated_at), which also
guards writes: a PUT, PATCH or DELETE with a stale If-Match gets a 412.
"""

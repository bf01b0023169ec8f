"""Live data: fetch the Seoul, KMA and safetydata APIs and keep the cache following the city.

``settings`` reads keys, base URLs, intervals and what is "near" the kiosk; ``http`` talks to
one upstream API (timeouts, retries, circuit breaker); ``fetchers`` turn API calls into
validated dataset updates; ``refresher`` stores them on a schedule; ``service`` runs that
inside the kiosk and ``cli`` as ``main.py fetch``. Nothing here imports Qt."""

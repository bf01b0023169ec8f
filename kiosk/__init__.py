"""Seoul city kiosk: pure core (intents, router, widget contract, registry, config, text).

Qt lives only in ``kiosk.shell`` and the widget views."""

__version__ = "0.1.0"

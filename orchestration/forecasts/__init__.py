"""Next-day forecasts. Consumption: the model ladder (``models``) and the
rolling-origin backtest that writes them to the warehouse (``backtest``).
Charging demand (sessions and energy per area): ``charging``.
``python -m orchestration.forecasts`` runs both (docs/forecasts.md)."""

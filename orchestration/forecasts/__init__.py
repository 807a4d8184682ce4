"""Next-day consumption forecasts: the model ladder (``models``) and the
rolling-origin backtest that writes them to the warehouse (``backtest``);
``python -m orchestration.forecasts`` runs both (docs/forecasts.md)."""

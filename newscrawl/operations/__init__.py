"""Operations: run records, per-source health, the run lock, the HTML report and exports."""

//! The `report` command: report.md, scores.csv and session.json.

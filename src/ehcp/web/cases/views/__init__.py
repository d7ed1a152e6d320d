"""The casework pages: the case page and its forms, the caseload dashboard and case list,
documents, search and the advice tracker, and the CSV import."""

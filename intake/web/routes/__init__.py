"""HTTP routes, one module per area: auth, documents, review, persons, reports, admin, pages."""

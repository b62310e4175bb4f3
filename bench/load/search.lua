-- The public search: every request one of twenty French queries (the output cache keeps each after its first visit).
local terms = { "negociation", "management", "conflits", "prise+de+parole", "crm", "excel", "paie", "droit+du+travail",
  "qualite", "referencement", "reseaux+sociaux", "gestion+du+temps", "recrutement", "comptabilite", "achats",
  "gestion+de+projet", "changement", "prospection", "fidelisation", "stress" }
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/formations?q=" .. terms[(n % #terms) + 1])
end

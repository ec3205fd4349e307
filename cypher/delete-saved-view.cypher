// delete-saved-view: removes the named view.
// params: $name
// returns: deleted
OPTIONAL MATCH (v:SavedView {name: $name})
DETACH DELETE v
RETURN count(v) AS deleted

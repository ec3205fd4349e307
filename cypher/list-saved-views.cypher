// list-saved-views: every saved view, by name.
// params: none
// returns: name, hash, savedAt, savedBy
MATCH (v:SavedView)
RETURN v.name AS name, v.hash AS hash, v.savedAt AS savedAt, v.savedBy AS savedBy
ORDER BY v.name

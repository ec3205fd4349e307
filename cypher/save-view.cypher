// save-view: stores a named view (the explorer's URL hash), replacing one of the same name.
// params: $name, $hash, $now, $actor
// returns: name, hash, savedAt, savedBy
MERGE (v:SavedView {name: $name})
SET v.hash = $hash, v.savedAt = $now, v.savedBy = $actor
RETURN v.name AS name, v.hash AS hash, v.savedAt AS savedAt, v.savedBy AS savedBy

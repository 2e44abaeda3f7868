// Package identity decides who is who, from keys alone: which records are
// one paper (ResolvePapers), which author positions one person
// (ResolvePeople) and which journal mentions one journal
// (ResolveJournals), with the reason for every join and every refusal.
// It reads no text, mints no IRI and states nothing: the caller folds the
// records into keys and applies the answer (package graph).
package identity

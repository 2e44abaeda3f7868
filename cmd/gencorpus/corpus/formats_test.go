package corpus

// The tests read records in several formats, each registered by its own
// package below mappings/: link them all in, as the command does.
import _ "github.com/msckg/msckg/mappings/formats/all"

package goldset

// The evaluation reads pages the way `msckg build` does, so its test
// binary links every format in: the page readers are packages of their
// own below mappings/ and are registered only when linked.
import _ "github.com/msckg/msckg/mappings/formats/all"

package labelledpage_test

// Linking every format into this package's test binary lets its tests
// detect inputs as the command does, with every format competing; an
// internal test cannot import formats/all, which imports this package.
import _ "github.com/msckg/msckg/mappings/formats/all"

package mappings

// NLMTitle lets the external tests (conformance_test.go) use the title
// rule of the NLM readers.
var NLMTitle = nlmTitle

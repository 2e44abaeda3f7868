// Package all links in every input format: a program that reads records
// imports it for its side effect, the way a program that decodes images
// imports image/png. Each format family is a package below mappings/
// that registers itself with mappings.Register from an init function;
// all.go imports every such package and is generated, never edited:
// adding a format is adding its folder, then
//
//	go generate ./mappings/formats/all
//
// which TestImportsEveryFormatPackage also checks, so a format package
// that is not linked in fails the tests.
package all

//go:generate go test -run TestImportsEveryFormatPackage -update .

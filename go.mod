module github.com/msckg/msckg

go 1.26.8

require (
	github.com/cayleygraph/quad v1.3.0
	github.com/knakk/rdf v0.0.0-20190304171630-8521bf4c5042
	github.com/urfave/cli/v2 v2.27.7
	golang.org/x/text v0.32.0
)

require (
	github.com/cpuguy83/go-md2man/v2 v2.0.7 // indirect
	github.com/russross/blackfriday/v2 v2.1.0 // indirect
	github.com/xrash/smetrics v0.0.0-20240521201337-686a1a2994c1 // indirect
)

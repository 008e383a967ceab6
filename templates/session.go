package templates

// sessionFiles are the session strategy's own files.
var sessionFiles = []File{
	{Tmpl: "session/doc.go.tmpl", Out: "doc.go", For: session},
}

package templates

// hybridFiles are the hybrid strategy's own files.
var hybridFiles = []File{
	{Tmpl: "hybrid/doc.go.tmpl", Out: "doc.go", For: hybrid},
}

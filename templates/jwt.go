package templates

// jwtFiles are the JWT strategy's files; rows For tokens are shared with hybrid.
var jwtFiles = []File{
	{Tmpl: "jwt/doc.go.tmpl", Out: "doc.go", For: jwtOnly},
}

package templates

import "github.com/authgen/authgen/internal/model"

// commonFiles are produced by every strategy (or by the strategies named).
var commonFiles = []File{
	{Tmpl: "common/decisions.md.tmpl", Out: "AUTH_DECISIONS.md", For: all},
}

var _ = model.Model{}

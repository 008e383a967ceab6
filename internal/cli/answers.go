package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/authgen/authgen/internal/answers"
	"github.com/authgen/authgen/internal/interview"
	"github.com/authgen/authgen/internal/prompt"
)

// answerFlags are the flags that answer the questions; each question has
// one. Flags win over the answers file; prompts fill the gaps.
type answerFlags struct {
	arch, clients, backends, revocation, strategy, store, alg, pkg, issuer, audience string
}

func (f *answerFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.arch, "arch", "", "architecture: monolith | microservices | mobile | api (default monolith)")
	fs.StringVar(&f.clients, "clients", "", "comma list of: browser, spa, mobile, service, cli (default from --arch)")
	fs.StringVar(&f.backends, "backends", "", "backends that verify credentials: one | shared | many")
	fs.StringVar(&f.revocation, "revocation", "", "how fast a logout must bite: immediate | minutes")
	fs.StringVar(&f.strategy, "strategy", "", "override the recommendation: session | jwt | hybrid")
	fs.StringVar(&f.store, "store", "", "store for sessions and refresh tokens: memory | sqlite | postgres | redis (default memory)")
	fs.StringVar(&f.alg, "alg", "", "JWT signing algorithm: EdDSA | ES256 | RS256 (default EdDSA)")
	fs.StringVar(&f.pkg, "pkg", "", "package directory inside the module (default internal/auth)")
	fs.StringVar(&f.issuer, "issuer", "", "JWT issuer, iss (default https://auth.example.com)")
	fs.StringVar(&f.audience, "audience", "", "JWT audience of this service, aud (default api)")
}

// parse turns the flags the user set into answers; unset flags stay empty.
func (f *answerFlags) parse(fs *pflag.FlagSet) (answers.Answers, error) {
	var a answers.Answers
	var err error
	set := func(name string) bool { return fs.Changed(name) }
	if set("arch") {
		if a.Arch, err = answers.ParseArch(f.arch); err != nil {
			return a, err
		}
	}
	if set("clients") {
		if a.Clients, err = answers.ParseClients(f.clients); err != nil {
			return a, err
		}
	}
	if set("backends") {
		if a.Backends, err = answers.ParseBackends(f.backends); err != nil {
			return a, err
		}
	}
	if set("revocation") {
		if a.Revocation, err = answers.ParseRevocation(f.revocation); err != nil {
			return a, err
		}
	}
	if set("strategy") {
		if a.Strategy, err = answers.ParseStrategy(f.strategy); err != nil {
			return a, err
		}
	}
	if set("store") {
		if a.Store, err = answers.ParseStore(f.store); err != nil {
			return a, err
		}
	}
	if set("alg") {
		if a.Alg, err = answers.ParseAlg(f.alg); err != nil {
			return a, err
		}
	}
	if set("pkg") {
		if err := answers.ValidatePkg(f.pkg); err != nil {
			return a, err
		}
		a.Pkg = f.pkg
	}
	if set("issuer") {
		if err := answers.ValidateText("issuer", f.issuer); err != nil {
			return a, err
		}
		a.Issuer = f.issuer
	}
	if set("audience") {
		if err := answers.ValidateText("audience", f.audience); err != nil {
			return a, err
		}
		a.Audience = f.audience
	}
	return a, nil
}

// gather combines the answers file (if any), the flags, and the prompts,
// then fills defaults and validates.
func gather(e env, cmd *cobra.Command, flags *answerFlags, base answers.Answers, yes bool) (answers.Answers, error) {
	fromFlags, err := flags.parse(cmd.Flags())
	if err != nil {
		return answers.Answers{}, err
	}
	a := base.Merge(fromFlags)
	if p, ok := e.interactive(yes); ok {
		if a, err = interview.Run(p, a, answers.Answers{}); err != nil {
			return answers.Answers{}, err
		}
	} else if !yes {
		fmt.Fprintln(e.stderr, "authgen: standard input is not a terminal: not prompting; unanswered questions take their defaults (pass --yes to say so)")
	}
	a = a.Fill()
	return a, a.Validate()
}

// readAnswersFile reads --answers FILE.
func readAnswersFile(path string) (answers.Answers, error) {
	if path == "" {
		return answers.Answers{}, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return answers.Answers{}, fmt.Errorf("--answers: %w", err)
	}
	f, err := answers.ParseFile(path, data)
	if err != nil {
		return answers.Answers{}, err
	}
	return f.Answers, nil
}

// interactive returns the prompter to use, or false when authgen must not
// prompt: --yes, or standard input is not a terminal.
func (e env) interactive(yes bool) (prompt.Prompter, bool) {
	if yes {
		return nil, false
	}
	if e.prompter != nil {
		return e.prompter, true
	}
	if !prompt.IsTerminal(e.stdin) {
		return nil, false
	}
	p, ok := prompt.NewSurvey(e.stdin, e.stdout, e.stderr)
	if !ok {
		return nil, false
	}
	return p, true
}

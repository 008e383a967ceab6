package cli

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/authgen/authgen/internal/interview"
	"github.com/authgen/authgen/internal/recommend"
)

type recommendOptions struct {
	flags       answerFlags
	yes         bool
	json        bool
	answersFile string
}

func newRecommend(e env) *cobra.Command {
	var o recommendOptions
	cmd := &cobra.Command{
		Use:   "recommend",
		Short: "Recommend a strategy for the answers and explain why; writes nothing",
		Example: `  authgen recommend --yes --arch microservices --clients service --backends many
  authgen recommend --yes --arch mobile --clients mobile,spa --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			base, err := readAnswersFile(o.answersFile)
			if err != nil {
				return err
			}
			a, err := gather(e, cmd, &o.flags, base, o.yes || o.json)
			if err != nil {
				return err
			}
			rec := recommend.Decide(a)
			if o.json {
				if rec.Reasons == nil {
					rec.Reasons = []string{}
				}
				if rec.Warnings == nil {
					rec.Warnings = []string{}
				}
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(rec)
			}
			fmt.Fprint(cmd.OutOrStdout(), interview.Explain(rec))
			fmt.Fprintln(cmd.OutOrStdout())
			fmt.Fprint(cmd.OutOrStdout(), recommend.Table(a, rec.Strategy))
			return nil
		},
	}
	o.flags.register(cmd.Flags())
	cmd.Flags().BoolVarP(&o.yes, "yes", "y", false, "never prompt: unanswered questions take their defaults")
	cmd.Flags().BoolVar(&o.json, "json", false, "print the recommendation as JSON (strategy, reasons, warnings); never prompts")
	cmd.Flags().StringVar(&o.answersFile, "answers", "", "read answers from this file (the authgen.yaml format)")
	return cmd
}

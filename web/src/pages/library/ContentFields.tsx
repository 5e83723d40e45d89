import { Field } from '../../components/Field';
import { statusLabel } from '../../components/labels';
import {
  CLASSIFICATIONS,
  EBP_LEVELS,
  EFFECT_DIRECTIONS,
  KINDS,
  TAG_FIELDS,
  type ContentForm,
} from './content';

type Change = (name: keyof ContentForm) => (event: { target: { value: string } }) => void;

/** The paths of the content's issues that the fields below show (a tag list by its prefix). */
export const placedContentIssue = (path: string) =>
  /^(kind|title|summary|body|year|doi|url|classification)$/.test(path) ||
  /^evidence\.(smsLevel|effectDirection|ebpLevel)$/.test(path) ||
  /^tags\.\w+/.test(path);

/** The first issue at a path or under it (`tags.methods[2]` is shown beside the methods). */
export function issueAt(issues: ReadonlyMap<string, string>, path: string): string | undefined {
  for (const [at, message] of issues)
    if (at === path || at.startsWith(`${path}[`) || at.startsWith(`${path}.`)) return message;
  return undefined;
}

/** An item's content as an editor writes it: what it is, its findings, evidence and tags. */
export function ContentFields({
  form,
  change,
  issues,
}: {
  readonly form: ContentForm;
  readonly change: Change;
  readonly issues: ReadonlyMap<string, string>;
}) {
  return (
    <>
      <Field label="Title" error={issueAt(issues, 'title')}>
        {(props) => <input {...props} value={form.title} onChange={change('title')} />}
      </Field>
      <Field label="Kind of item" error={issueAt(issues, 'kind')}>
        {(props) => (
          <select {...props} value={form.kind} onChange={change('kind')}>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {statusLabel(kind)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Summary"
        hint="Plain English for busy readers, 20 to 5,000 characters."
        error={issueAt(issues, 'summary')}
      >
        {(props) => (
          <textarea {...props} rows={4} value={form.summary} onChange={change('summary')} />
        )}
      </Field>
      <Field
        label="Findings and full text (optional)"
        hint="What the research found, as readers should read it."
        error={issueAt(issues, 'body')}
      >
        {(props) => <textarea {...props} rows={6} value={form.body} onChange={change('body')} />}
      </Field>
      <Field label="Year" hint="Four digits, e.g. 2024." error={issueAt(issues, 'year')}>
        {(props) => (
          <input {...props} inputMode="numeric" value={form.year} onChange={change('year')} />
        )}
      </Field>
      <fieldset>
        <legend>Strength of the evidence</legend>
        <Field label="Scientific Methods Scale level" error={issueAt(issues, 'evidence.smsLevel')}>
          {(props) => (
            <select {...props} value={form.smsLevel} onChange={change('smsLevel')}>
              <option value="">Not rated</option>
              {[1, 2, 3, 4, 5].map((level) => (
                <option key={level} value={level}>
                  Level {level}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Direction of effect" error={issueAt(issues, 'evidence.effectDirection')}>
          {(props) => (
            <select {...props} value={form.effectDirection} onChange={change('effectDirection')}>
              <option value="">Not stated</option>
              {EFFECT_DIRECTIONS.map((direction) => (
                <option key={direction} value={direction}>
                  {statusLabel(direction)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="EBP level" error={issueAt(issues, 'evidence.ebpLevel')}>
          {(props) => (
            <select {...props} value={form.ebpLevel} onChange={change('ebpLevel')}>
              <option value="">Not stated</option>
              {EBP_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {statusLabel(level)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>What it is about</legend>
        {TAG_FIELDS.map(([name, label, example]) => (
          <Field
            key={name}
            label={label}
            hint={`Separated by commas, ${example}.`}
            error={issueAt(issues, `tags.${name}`)}
          >
            {(props) => <input {...props} value={form[name]} onChange={change(name)} />}
          </Field>
        ))}
      </fieldset>
      <Field label="DOI (optional)" hint="e.g. 10.1234/abcd" error={issueAt(issues, 'doi')}>
        {(props) => <input {...props} value={form.doi} onChange={change('doi')} />}
      </Field>
      <Field
        label="Link to the full text (optional)"
        hint="An http or https address."
        error={issueAt(issues, 'url')}
      >
        {(props) => <input {...props} type="url" value={form.url} onChange={change('url')} />}
      </Field>
      <Field
        label="Classification"
        hint="An OFFICIAL-SENSITIVE version goes to national bodies only once the committee releases it."
        error={issueAt(issues, 'classification')}
      >
        {(props) => (
          <select {...props} value={form.classification} onChange={change('classification')}>
            {CLASSIFICATIONS.map((classification) => (
              <option key={classification} value={classification}>
                {classification.replace('_', '-')}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { FieldProblem } from '../../api/validation';
import { maxTagKeyLength, maxTagSyncRules, maxTagValueLength, type RuleDraft, type TagDraft } from './settingsModel';

/** Messages for exactly this field; children are shown next to their own rows. */
function exact(problems: FieldProblem[], ...fields: string[]): string | undefined {
  const messages = problems.filter((p) => fields.includes(p.field)).map((p) => p.message);
  return messages.length > 0 ? messages.join(' ') : undefined;
}

type TagList = 'match' | 'apply';

const listText: Record<TagList, { label: string; description: string; add: string; empty: string }> = {
  match: {
    label: 'When a source server has all these tags',
    description: 'Matched against the tags DRS holds for the server (copied from EC2).',
    add: 'Add tag to match',
    empty: 'No tag to match yet: a rule needs at least one.',
  },
  apply: {
    label: 'Give it these tags',
    description: 'Written onto the DRS source server when it does not carry them yet.',
    add: 'Add tag to apply',
    empty: 'No tag to apply yet: a rule needs at least one.',
  },
};

function TagRows({ rule, index, list, problems, onChange }: { rule: RuleDraft; index: number; list: TagList; problems: FieldProblem[]; onChange: (tags: TagDraft[]) => void }) {
  const tags = rule[list];
  const path = `rules[${index}].${list}`;
  const text = listText[list];
  const set = (j: number, change: Partial<TagDraft>) => onChange(tags.map((t, k) => (k === j ? { ...t, ...change } : t)));
  return (
    <FormField label={text.label} description={text.description} errorText={exact(problems, path)} stretch>
      <AttributeEditor<TagDraft>
        data-testid={`rule-${index}-${list}`}
        items={tags}
        addButtonText={text.add}
        removeButtonText="Remove"
        removeButtonAriaLabel={(t) => `Remove ${list} tag ${t.key || '(no key)'} from rule ${index + 1}`}
        empty={text.empty}
        onAddButtonClick={() => onChange([...tags, { key: '', value: '' }])}
        onRemoveButtonClick={(e) => onChange(tags.filter((_, k) => k !== e.detail.itemIndex))}
        definition={[
          {
            label: 'Key',
            control: (t, j) => <Input value={t.key} ariaLabel={`Rule ${index + 1} ${list} tag ${j + 1} key`} onChange={(e) => set(j, { key: e.detail.value })} />,
            errorText: (_, j) => exact(problems, `${path}[${j}].key`, `${path}[${j}]`),
            constraintText: (_, j) => (j === tags.length - 1 ? `1 to ${maxTagKeyLength} characters, not starting with aws:` : undefined),
          },
          {
            label: 'Value',
            control: (t, j) => <Input value={t.value} ariaLabel={`Rule ${index + 1} ${list} tag ${j + 1} value`} onChange={(e) => set(j, { value: e.detail.value })} />,
            errorText: (_, j) => exact(problems, `${path}[${j}].value`),
            constraintText: (_, j) => (j === tags.length - 1 ? `At most ${maxTagValueLength} characters; may be empty` : undefined),
          },
        ]}
      />
    </FormField>
  );
}

/** Add, edit and remove tag sync rules (TagSyncRule: match criteria and tags to apply). */
export function TagSyncRulesEditor({ rules, problems, onChange }: { rules: RuleDraft[]; problems: FieldProblem[]; onChange: (rules: RuleDraft[]) => void }) {
  const setRule = (i: number, rule: RuleDraft) => onChange(rules.map((r, k) => (k === i ? rule : r)));
  const full = rules.length >= maxTagSyncRules;
  return (
    <FormField label="Rules" description="Every rule is applied to every registered account and region." errorText={exact(problems, 'rules')} stretch>
      <SpaceBetween size="s">
        {rules.length === 0 && <Box color="text-body-secondary">No rules: a run changes nothing.</Box>}
        {rules.map((rule, i) => (
          <Container
            key={i}
            data-testid={`rule-${i}`}
            header={
              <Header
                variant="h3"
                actions={
                  <Button data-testid={`remove-rule-${i}`} formAction="none" ariaLabel={`Remove rule ${i + 1}`} onClick={() => onChange(rules.filter((_, k) => k !== i))}>
                    Remove rule
                  </Button>
                }
              >
                Rule {i + 1}
              </Header>
            }
          >
            <SpaceBetween size="s">
              {exact(problems, `rules[${i}]`) && (
                <Box color="text-status-error" data-testid={`rule-${i}-error`}>
                  {exact(problems, `rules[${i}]`)}
                </Box>
              )}
              <ColumnLayout columns={2}>
                <TagRows rule={rule} index={i} list="match" problems={problems} onChange={(match) => setRule(i, { ...rule, match })} />
                <TagRows rule={rule} index={i} list="apply" problems={problems} onChange={(apply) => setRule(i, { ...rule, apply })} />
              </ColumnLayout>
            </SpaceBetween>
          </Container>
        ))}
        <Button
          data-testid="add-rule"
          formAction="none"
          iconName="add-plus"
          disabled={full}
          disabledReason={full ? `At most ${maxTagSyncRules} rules are allowed.` : undefined}
          onClick={() => onChange([...rules, { match: [{ key: '', value: '' }], apply: [{ key: '', value: '' }] }])}
        >
          Add rule
        </Button>
      </SpaceBetween>
    </FormField>
  );
}

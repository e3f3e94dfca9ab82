import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Multiselect from '@cloudscape-design/components/multiselect';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Select from '@cloudscape-design/components/select';
import { useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { listAll } from '../../api/drsApi';
import type { Criticality, ProtectionGroup, RecoveryPlan, RecoveryPlanInput, Wave } from '../../api/types';
import { errorText, fieldProblems, type FieldProblem } from '../../api/validation';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { useFlash } from '../../app/flash';
import { useServices } from '../../app/services';
import { useQuery } from '../../app/useQuery';
import { EmptyState } from '../../components/EmptyState';
import { addWave, moveWave, removeWave, renameWave, updateWave } from './waveEditing';
import { useCrumbName } from '../../app/crumbNames';

interface Draft extends RecoveryPlanInput {
  version?: number;
}

function toDraft(plan: RecoveryPlan): Draft {
  return {
    name: plan.name,
    description: plan.description,
    rtoTargetMinutes: plan.rtoTargetMinutes,
    rpoTargetMinutes: plan.rpoTargetMinutes,
    waves: plan.waves,
    version: plan.version,
  };
}

function toInput(draft: Draft): RecoveryPlanInput {
  return {
    name: draft.name,
    description: draft.description,
    rtoTargetMinutes: draft.rtoTargetMinutes ?? null,
    rpoTargetMinutes: draft.rpoTargetMinutes ?? null,
    waves: draft.waves,
  };
}

const criticalityOptions: { value: Criticality; label: string }[] = [
  { value: 'CRITICAL', label: 'Critical: a failed launch fails the wave' },
  { value: 'OPTIONAL', label: 'Optional: a failed launch leaves the wave PARTIAL' },
];

function WaveEditor({
  wave,
  index,
  waves,
  groups,
  problems,
  onChange,
}: {
  wave: Wave;
  index: number;
  waves: Wave[];
  groups: ProtectionGroup[];
  problems: FieldProblem[];
  onChange: (next: Wave[]) => void;
}) {
  const n = index + 1;
  const field = `waves[${index}]`;
  const err = (member: string) => errorText(problems, `${field}.${member}`);
  const groupOptions = groups.map((g) => ({ value: g.groupId, label: g.name, description: `${g.accountId} / ${g.region}` }));
  const earlier = waves.slice(0, index).map((w, i) => ({ value: w.name, label: `Wave ${i + 1}: ${w.name}` }));
  const chosenGroups = groups.filter((g) => wave.protectionGroupIds.includes(g.groupId));
  const serverIds = chosenGroups.flatMap((g) => (g.selection.mode === 'SOURCE_SERVER_IDS' ? (g.selection.sourceServerIds ?? []) : []));
  const tagGroups = chosenGroups.filter((g) => g.selection.mode === 'TAGS');
  const defaultCriticality: Criticality = wave.defaultCriticality ?? 'CRITICAL';
  const other: Criticality = defaultCriticality === 'CRITICAL' ? 'OPTIONAL' : 'CRITICAL';
  const exceptions = Object.entries(wave.criticalityOverrides ?? {})
    .filter(([, c]) => c === other)
    .map(([id]) => id);
  const set = (patch: Partial<Wave>) => onChange(updateWave(waves, index, patch));
  const dependsOn = wave.dependsOn ?? [];

  return (
    <Container
      data-testid={`wave-editor-${n}`}
      header={
        <Header
          variant="h3"
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" iconName="angle-up" ariaLabel={`Move wave ${n} up`} disabled={index === 0} onClick={() => onChange(moveWave(waves, index, -1))} />
              <Button formAction="none" iconName="angle-down" ariaLabel={`Move wave ${n} down`} disabled={index === waves.length - 1} onClick={() => onChange(moveWave(waves, index, 1))} />
              <Button formAction="none" iconName="remove" ariaLabel={`Remove wave ${n}`} onClick={() => onChange(removeWave(waves, index))} />
            </SpaceBetween>
          }
        >
          Wave {n}
        </Header>
      }
    >
      <ColumnLayout columns={2}>
        <FormField label="Wave name" description="Unique in the plan; later waves depend on it by name." errorText={err('name')}>
          <Input value={wave.name} ariaLabel={`Wave ${n} name`} onChange={(e) => onChange(renameWave(waves, index, e.detail.value))} />
        </FormField>
        <FormField label="Protection groups" errorText={err('protectionGroupIds')}>
          <Multiselect
            ariaLabel={`Wave ${n} protection groups`}
            data-testid={`wave-${n}-groups`}
            placeholder="Choose protection groups"
            selectedOptions={groupOptions.filter((o) => wave.protectionGroupIds.includes(o.value))}
            options={groupOptions}
            onChange={(e) => set({ protectionGroupIds: e.detail.selectedOptions.map((o) => o.value ?? '') })}
          />
        </FormField>
        <FormField label="Depends on" description="Earlier waves that must finish first." errorText={err('dependsOn')}>
          <Multiselect
            ariaLabel={`Wave ${n} dependencies`}
            data-testid={`wave-${n}-depends-on`}
            placeholder={index === 0 ? 'The first wave depends on nothing' : 'Choose earlier waves'}
            disabled={index === 0}
            selectedOptions={earlier.filter((o) => dependsOn.includes(o.value))}
            options={earlier}
            onChange={(e) => set({ dependsOn: e.detail.selectedOptions.map((o) => o.value ?? '') })}
          />
        </FormField>
        <FormField label="Failure policy" errorText={err('defaultCriticality')}>
          <Select
            ariaLabel={`Wave ${n} failure policy`}
            selectedOption={criticalityOptions.find((o) => o.value === defaultCriticality) ?? null}
            options={criticalityOptions}
            onChange={(e) => set({ defaultCriticality: e.detail.selectedOption.value as Criticality, criticalityOverrides: {} })}
          />
        </FormField>
        <FormField
          label={other === 'OPTIONAL' ? 'Optional servers' : 'Critical servers'}
          description={other === 'OPTIONAL' ? 'Exceptions: their failed launch leaves the wave PARTIAL.' : 'Exceptions: their failed launch fails the wave.'}
          errorText={err('criticalityOverrides')}
        >
          <Multiselect
            ariaLabel={`Wave ${n} ${other === 'OPTIONAL' ? 'optional' : 'critical'} servers`}
            placeholder={serverIds.length ? 'No exceptions' : 'Choose protection groups first'}
            selectedOptions={exceptions.map((id) => ({ value: id, label: id }))}
            options={serverIds.map((id) => ({ value: id, label: id }))}
            onChange={(e) => set({ criticalityOverrides: Object.fromEntries(e.detail.selectedOptions.map((o) => [o.value ?? '', other])) })}
          />
        </FormField>
      </ColumnLayout>
      <SpaceBetween size="xs">
        <FormField errorText={err('pauseBefore')}>
          <Checkbox checked={wave.pauseBefore ?? false} disabled={index === 0 && !wave.pauseBefore} onChange={(e) => set({ pauseBefore: e.detail.checked })} data-testid={`wave-${n}-pause`}>
            Pause before this wave {index === 0 ? '(wave 1 pauses only when asked at run time)' : ''}
          </Checkbox>
        </FormField>
        {tagGroups.length > 0 && (
          <Box variant="small">
            Servers of tag-based groups ({tagGroups.map((g) => g.name).join(', ')}) are resolved at run time and follow the wave&apos;s failure policy.
          </Box>
        )}
      </SpaceBetween>
    </Container>
  );
}

export default function RecoveryPlanEditPage() {
  const { planId } = useParams();
  const editing = !!planId;
  const { api, permissions } = useServices();
  const flash = useFlash();
  const navigate = useNavigate();
  const existing = useQuery(editing ? `plan:${planId}` : null, () => api.recoveryPlans.get(planId ?? ''));
  useCrumbName(planId, existing.data?.name);
  const groups = useQuery('protection-groups:all', () => listAll((p) => api.protectionGroups.list(p)));
  const [draft, setDraft] = useState<Draft | null>(editing ? null : { name: '', description: '', rtoTargetMinutes: null, rpoTargetMinutes: null, waves: addWave([]) });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  if (draft === null && existing.data) setDraft(toDraft(existing.data));

  const saveReason = missingPermissionReason(permissions, editing ? Permissions.updateRecoveryPlan : Permissions.createRecoveryPlan);
  if (saveReason) {
    // The form is for changing a plan; a user who may not change it sees the details page instead.
    return <Navigate replace to={editing ? `/recovery-plans/${planId}` : '/recovery-plans'} />;
  }
  if (!draft) {
    return (
      <ContentLayout header={<Header variant="h1">Edit recovery plan</Header>}>
        {existing.loading ? <Spinner size="large" /> : <EmptyState title="The recovery plan could not be loaded." />}
      </ContentLayout>
    );
  }
  const update = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const err = (...fields: string[]) => errorText(problems, ...fields);
  const minutes = (value: string) => (value.trim() === '' ? null : Number(value));
  // Problems about the plan as a whole ("waves": none or too many) have no field of their own to sit under.
  const planLevel = problems.filter((p) => p.field === 'waves' || p.field === '' || p.field === '$');

  const save = async () => {
    setSaving(true);
    setProblems([]);
    try {
      const input = toInput(draft);
      const saved = editing && planId ? await api.recoveryPlans.update(planId, { ...input, version: draft.version ?? 0 }) : await api.recoveryPlans.create(input);
      flash.success(`Recovery plan ${saved.name} saved.`);
      navigate(`/recovery-plans/${saved.planId}`);
    } catch (error) {
      flash.error(error, 'The recovery plan was not saved');
      setProblems(fieldProblems(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <ContentLayout header={<Header variant="h1">{editing ? `Edit ${existing.data?.name ?? ''}` : 'Create recovery plan'}</Header>}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Form
          errorText={
            problems.length > 0 ? (
              <span data-testid="plan-validation">
                {planLevel.length > 0 ? planLevel.map((p) => p.message).join(' ') : `${problems.length} field(s) need attention; see the messages under them.`}
              </span>
            ) : undefined
          }
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" onClick={() => navigate(editing ? `/recovery-plans/${planId}` : '/recovery-plans')}>
                Cancel
              </Button>
              {!saveReason && (
                <Button variant="primary" loading={saving} disabled={!!saveReason} disabledReason={saveReason} data-testid="save-plan">
                  {editing ? 'Save changes' : 'Create recovery plan'}
                </Button>
              )}
            </SpaceBetween>
          }
        >
          <SpaceBetween size="l">
            <Container header={<Header variant="h2">Details</Header>}>
              <ColumnLayout columns={4}>
                <FormField label="Name" errorText={err('name')}>
                  <Input value={draft.name} ariaLabel="Plan name" onChange={(e) => update({ name: e.detail.value })} />
                </FormField>
                <FormField label="Description" errorText={err('description')}>
                  <Input value={draft.description ?? ''} ariaLabel="Plan description" onChange={(e) => update({ description: e.detail.value })} />
                </FormField>
                <FormField label="RTO target (minutes)" description="Optional. Reports compare the actual time with it." errorText={err('rtoTargetMinutes')}>
                  <Input
                    type="number"
                    inputMode="numeric"
                    value={draft.rtoTargetMinutes != null ? String(draft.rtoTargetMinutes) : ''}
                    ariaLabel="RTO target in minutes"
                    onChange={(e) => update({ rtoTargetMinutes: minutes(e.detail.value) })}
                  />
                </FormField>
                <FormField label="RPO target (minutes)" description="Optional. How much data loss the plan tolerates." errorText={err('rpoTargetMinutes')}>
                  <Input
                    type="number"
                    inputMode="numeric"
                    value={draft.rpoTargetMinutes != null ? String(draft.rpoTargetMinutes) : ''}
                    ariaLabel="RPO target in minutes"
                    onChange={(e) => update({ rpoTargetMinutes: minutes(e.detail.value) })}
                  />
                </FormField>
              </ColumnLayout>
            </Container>
            {groups.data && groups.data.length === 0 && (
              <Alert type="info" header="No protection groups yet">
                Create a protection group first; each wave recovers one or more groups.
              </Alert>
            )}
            <SpaceBetween size="m">
              <Header variant="h2" counter={`(${draft.waves.length})`} description="Waves run in order; each waits for its dependencies.">
                Waves
              </Header>
              {draft.waves.map((wave, index) => (
                <WaveEditor key={index} wave={wave} index={index} waves={draft.waves} groups={groups.data ?? []} problems={problems} onChange={(waves) => update({ waves })} />
              ))}
              <Button formAction="none" iconName="add-plus" data-testid="add-wave" onClick={() => update({ waves: addWave(draft.waves) })}>
                Add wave
              </Button>
            </SpaceBetween>
          </SpaceBetween>
        </Form>
      </form>
    </ContentLayout>
  );
}

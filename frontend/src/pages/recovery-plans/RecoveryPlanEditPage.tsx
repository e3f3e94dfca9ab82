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
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/ApiError';
import { listAll } from '../../api/drsApi';
import type { Criticality, ProtectionGroup, RecoveryPlan, RecoveryPlanInput, Wave } from '../../api/types';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { useFlash } from '../../app/flash';
import { useServices } from '../../app/services';
import { useQuery } from '../../app/useQuery';
import { EmptyState } from '../../components/EmptyState';
import { addWave, moveWave, removeWave, updateWave } from './waveEditing';

function toDraft(plan: RecoveryPlan): RecoveryPlanInput {
  return { name: plan.name, description: plan.description ?? '', rtoTargetMinutes: plan.rtoTargetMinutes ?? null, waves: plan.waves, version: plan.version };
}

/** The API's validation messages, from error.details when it lists them (field + message). */
function validationMessages(error: ApiError): string[] {
  const details = error.details;
  const list = Array.isArray(details) ? details : details && typeof details === 'object' && Array.isArray((details as { errors?: unknown }).errors) ? (details as { errors: unknown[] }).errors : [];
  const messages = list
    .map((d) => (d && typeof d === 'object' && 'message' in d ? `${(d as { field?: string }).field ? `${(d as { field: string }).field}: ` : ''}${String((d as { message: unknown }).message)}` : typeof d === 'string' ? d : ''))
    .filter(Boolean);
  return messages.length > 0 ? messages : [error.message];
}

function WaveEditor({ wave, index, waves, groups, onChange }: { wave: Wave; index: number; waves: Wave[]; groups: ProtectionGroup[]; onChange: (next: Wave[]) => void }) {
  const groupOptions = groups.map((g) => ({ value: g.groupId, label: g.name, description: `${g.accountId} / ${g.region}` }));
  const earlier = waves.slice(0, index).map((w) => ({ value: String(w.waveNumber), label: `Wave ${w.waveNumber}: ${w.name}` }));
  const chosenGroups = groups.filter((g) => wave.protectionGroupIds.includes(g.groupId));
  const serverIds = chosenGroups.flatMap((g) => g.sourceServerIds);
  const tagGroups = chosenGroups.filter((g) => g.tagCriteria.length > 0);
  const optional = Object.entries(wave.serverCriticality).filter(([, c]) => c === 'OPTIONAL').map(([id]) => id);
  const set = (patch: Partial<Wave>) => onChange(updateWave(waves, index, patch));

  return (
    <Container
      data-testid={`wave-editor-${wave.waveNumber}`}
      header={
        <Header
          variant="h3"
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="angle-up" ariaLabel={`Move wave ${wave.waveNumber} up`} disabled={index === 0} onClick={() => onChange(moveWave(waves, index, -1))} />
              <Button iconName="angle-down" ariaLabel={`Move wave ${wave.waveNumber} down`} disabled={index === waves.length - 1} onClick={() => onChange(moveWave(waves, index, 1))} />
              <Button iconName="remove" ariaLabel={`Remove wave ${wave.waveNumber}`} onClick={() => onChange(removeWave(waves, index))} />
            </SpaceBetween>
          }
        >
          Wave {wave.waveNumber}
        </Header>
      }
    >
      <ColumnLayout columns={2}>
        <FormField label="Wave name">
          <Input value={wave.name} ariaLabel={`Wave ${wave.waveNumber} name`} onChange={(e) => set({ name: e.detail.value })} />
        </FormField>
        <FormField label="Protection groups">
          <Multiselect
            ariaLabel={`Wave ${wave.waveNumber} protection groups`}
            data-testid={`wave-${wave.waveNumber}-groups`}
            placeholder="Choose protection groups"
            selectedOptions={groupOptions.filter((o) => wave.protectionGroupIds.includes(o.value))}
            options={groupOptions}
            onChange={(e) => set({ protectionGroupIds: e.detail.selectedOptions.map((o) => o.value ?? '') })}
          />
        </FormField>
        <FormField label="Depends on" description="Earlier waves that must finish first.">
          <Multiselect
            ariaLabel={`Wave ${wave.waveNumber} dependencies`}
            placeholder={index === 0 ? 'The first wave depends on nothing' : 'Choose earlier waves'}
            disabled={index === 0}
            selectedOptions={earlier.filter((o) => wave.dependsOn.includes(Number(o.value)))}
            options={earlier}
            onChange={(e) => set({ dependsOn: e.detail.selectedOptions.map((o) => Number(o.value)) })}
          />
        </FormField>
        <FormField label="Optional servers" description="A failed launch of an optional server leaves the wave PARTIAL instead of FAILED; every other server is CRITICAL.">
          <Multiselect
            ariaLabel={`Wave ${wave.waveNumber} optional servers`}
            placeholder={serverIds.length ? 'All servers are critical' : 'Choose protection groups first'}
            selectedOptions={optional.map((id) => ({ value: id, label: id }))}
            options={serverIds.map((id) => ({ value: id, label: id }))}
            onChange={(e) =>
              set({
                serverCriticality: Object.fromEntries(e.detail.selectedOptions.map((o) => [o.value ?? '', 'OPTIONAL' as Criticality])),
              })
            }
          />
        </FormField>
      </ColumnLayout>
      <SpaceBetween size="xs">
        <Checkbox checked={wave.pauseBefore} onChange={(e) => set({ pauseBefore: e.detail.checked })} data-testid={`wave-${wave.waveNumber}-pause`}>
          Pause before this wave {index === 0 ? '(wave 1 pauses only when asked at run time)' : ''}
        </Checkbox>
        {tagGroups.length > 0 && <Box variant="small">Servers of tag-based groups ({tagGroups.map((g) => g.name).join(', ')}) are resolved at run time and are critical.</Box>}
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
  const groups = useQuery('protection-groups:all', () => listAll((p) => api.protectionGroups.list(p)));
  const [draft, setDraft] = useState<RecoveryPlanInput | null>(editing ? null : { name: '', description: '', rtoTargetMinutes: null, waves: addWave([]) });
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  if (draft === null && existing.data) setDraft(toDraft(existing.data));

  const saveReason = missingPermissionReason(permissions, editing ? Permissions.updateRecoveryPlan : Permissions.createRecoveryPlan);
  if (!draft) {
    return (
      <ContentLayout header={<Header variant="h1">Edit recovery plan</Header>}>
        {existing.loading ? <Spinner size="large" /> : <EmptyState title="The recovery plan could not be loaded." />}
      </ContentLayout>
    );
  }
  const update = (patch: Partial<RecoveryPlanInput>) => setDraft({ ...draft, ...patch });

  const save = async () => {
    setSaving(true);
    setProblems([]);
    try {
      const saved = editing && planId ? await api.recoveryPlans.update(planId, draft) : await api.recoveryPlans.create(draft);
      flash.success(`Recovery plan ${saved.name} saved.`);
      navigate(`/recovery-plans/${saved.planId}`);
    } catch (error) {
      flash.error(error, 'The recovery plan was not saved');
      if (error instanceof ApiError) setProblems(validationMessages(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <ContentLayout header={<Header variant="h1">{editing ? `Edit ${existing.data?.name ?? ''}` : 'Create recovery plan'}</Header>}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Form
          errorText={problems.length > 0 ? <span data-testid="plan-validation">{problems.join(' ')}</span> : undefined}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" onClick={() => navigate(editing ? `/recovery-plans/${planId}` : '/recovery-plans')}>
                Cancel
              </Button>
              <Button variant="primary" loading={saving} disabled={!!saveReason} disabledReason={saveReason} data-testid="save-plan">
                {editing ? 'Save changes' : 'Create recovery plan'}
              </Button>
            </SpaceBetween>
          }
        >
          <SpaceBetween size="l">
            <Container header={<Header variant="h2">Details</Header>}>
              <ColumnLayout columns={3}>
                <FormField label="Name">
                  <Input value={draft.name} ariaLabel="Plan name" onChange={(e) => update({ name: e.detail.value })} />
                </FormField>
                <FormField label="Description">
                  <Input value={draft.description ?? ''} ariaLabel="Plan description" onChange={(e) => update({ description: e.detail.value })} />
                </FormField>
                <FormField label="RTO target (minutes)" description="Optional. Reports compare the actual time with it.">
                  <Input
                    type="number"
                    inputMode="numeric"
                    value={draft.rtoTargetMinutes ? String(draft.rtoTargetMinutes) : ''}
                    ariaLabel="RTO target in minutes"
                    onChange={(e) => update({ rtoTargetMinutes: e.detail.value ? Number(e.detail.value) : null })}
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
                <WaveEditor key={`${index}-${wave.waveNumber}`} wave={wave} index={index} waves={draft.waves} groups={groups.data ?? []} onChange={(waves) => update({ waves })} />
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

import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import ContentLayout from '@cloudscape-design/components/content-layout';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { listAll } from '../../api/drsApi';
import type { Execution, ExecutionType, ReadinessCheck, RecoveryPlan, Wave } from '../../api/types';
import { missingPermissionReason, Permissions } from '../../auth/permissions';
import { useFlash } from '../../app/flash';
import { useServices } from '../../app/services';
import { useAction } from '../../app/useAction';
import { useQuery } from '../../app/useQuery';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyState } from '../../components/EmptyState';
import { DisabledReasons, GuardedButton } from '../../components/GuardedButton';
import { RouterLink } from '../../components/RouterLink';
import { StatusBadge } from '../../components/StatusBadge';
import { executeAction, isActive } from '../../domain/executionActions';
import { useCrumbName } from '../../app/crumbNames';

/** What the run will do, in words, so an operator confirms an outcome rather than a button. */
export function describeRun(plan: RecoveryPlan, type: ExecutionType, pauseBeforeFirstWave: boolean): string[] {
  const lines = [
    type === 'DRILL'
      ? 'DRS launches drill instances from the latest recovery snapshots. Source servers keep replicating; nothing in production changes.'
      : 'DRS launches RECOVERY instances to take over from the source servers. This is a real failover.',
    `${plan.waves.length} wave(s) run in order:`,
  ];
  plan.waves.forEach((wave, index) => {
    const pause = wave.pauseBefore && index > 0 ? ' (pauses first and waits for you to resume)' : '';
    const optional = wave.defaultCriticality === 'OPTIONAL' ? '; failures leave it PARTIAL' : '';
    lines.push(`Wave ${index + 1} "${wave.name}": ${wave.protectionGroupIds.length} protection group(s)${pause}${optional}.`);
  });
  if (pauseBeforeFirstWave) lines.push('The execution pauses before wave 1.');
  if (plan.rtoTargetMinutes) lines.push(`RTO target: ${plan.rtoTargetMinutes} minutes.`);
  if (plan.rpoTargetMinutes) lines.push(`RPO target: ${plan.rpoTargetMinutes} minutes.`);
  return lines;
}

function objectivesText(plan: RecoveryPlan): string {
  const rto = plan.rtoTargetMinutes ? `RTO target ${plan.rtoTargetMinutes} minutes` : 'No RTO target';
  return plan.rpoTargetMinutes ? `${rto}; RPO target ${plan.rpoTargetMinutes} minutes` : rto;
}

function policyText(wave: Wave): string {
  const exceptions = Object.keys(wave.criticalityOverrides ?? {}).length;
  const base = wave.defaultCriticality === 'OPTIONAL' ? 'Optional' : 'Critical';
  return exceptions > 0 ? `${base}, ${exceptions} exception(s)` : base;
}

/** A start answers with DRS capacity for the largest wave; a shortfall or an unreadable quota is worth saying. */
function quotaNote(execution: Execution): string | undefined {
  const quota = execution.quota;
  if (!quota || quota.verdict === 'SUFFICIENT') return undefined;
  return quota.verdict === 'INSUFFICIENT'
    ? `DRS capacity is short (${quota.reason ?? 'quota'}); jobs wait for capacity instead of failing.`
    : `DRS capacity could not be read (${quota.reason ?? 'unknown'}); the run started anyway.`;
}

function Readiness({ planId }: { planId: string }) {
  const { api } = useServices();
  const readiness = useQuery(`readiness:${planId}`, () => api.recoveryPlans.readiness(planId));
  return (
    <Table<ReadinessCheck>
      data-testid="readiness"
      header={
        <Header
          variant="h2"
          actions={<Button iconName="refresh" ariaLabel="Check readiness again" onClick={readiness.reload} />}
          description={readiness.data ? `${readiness.data.serverCount} server(s) in the plan` : undefined}
        >
          Readiness {readiness.data && <StatusBadge status={readiness.data.ready ? 'PASS' : readiness.data.status} label={readiness.data.ready ? 'Ready' : `Not ready (${readiness.data.status})`} />}
        </Header>
      }
      loading={readiness.loading}
      loadingText="Checking readiness against DRS"
      items={readiness.data?.checks ?? []}
      empty={<EmptyState title="No readiness checks" />}
      columnDefinitions={[
        { id: 'check', header: 'Check', cell: (c) => c.name },
        { id: 'status', header: 'Result', cell: (c) => <StatusBadge status={c.status} /> },
        {
          id: 'message',
          header: 'Detail',
          cell: (c) => (
            <SpaceBetween size="xxs">
              <span>{c.message}</span>
              {c.findings.map((f) => (
                <Box key={`${f.subject}:${f.message}`} variant="small">
                  {f.subject}: {f.message}
                </Box>
              ))}
            </SpaceBetween>
          ),
        },
      ]}
    />
  );
}

export default function RecoveryPlanDetailsPage() {
  const { planId = '' } = useParams();
  const { api, permissions } = useServices();
  const navigate = useNavigate();
  const action = useAction();
  const [running, setRunning] = useState<ExecutionType | null>(null);
  const [pauseFirst, setPauseFirst] = useState(false);
  const [confirmation, setConfirmation] = useState('');

  const plan = useQuery(`plan:${planId}`, () => api.recoveryPlans.get(planId));
  useCrumbName(planId, plan.data?.name);
  const groups = useQuery('protection-groups:all', () => listAll((p) => api.protectionGroups.list(p)));
  const flash = useFlash();
  const existing = useQuery(running ? `existing:${planId}` : null, () => api.recoveryPlans.checkExistingInstances(planId), { quiet: true });
  // The plan does not carry its runs: ask the history for this plan's newest executions.
  const runs = useQuery(`plan-executions:${planId}`, () => api.executions.list({ planId, limit: 10 }), { quiet: true });

  if (!plan.data) {
    return (
      <ContentLayout header={<Header variant="h1">Recovery plan</Header>}>
        {plan.loading ? <Spinner size="large" /> : <EmptyState title="The recovery plan could not be loaded." />}
      </ContentLayout>
    );
  }
  const p = plan.data;
  const activeRun = runs.data?.items.find((e) => isActive(e.status));
  const active = !!activeRun;
  const drill = executeAction('DRILL', permissions, active);
  const recovery = executeAction('RECOVERY', permissions, active);
  const editReason = missingPermissionReason(permissions, Permissions.updateRecoveryPlan);
  const groupName = (id: string) => groups.data?.find((g) => g.groupId === id)?.name ?? id;

  const open = (type: ExecutionType) => {
    setPauseFirst(false);
    setConfirmation('');
    setRunning(type);
  };
  const start = async () => {
    if (!running) return;
    const started = await action.run(
      () =>
        api.recoveryPlans.execute(planId, { type: running, pauseBeforeFirstWave: pauseFirst, invocationSource: 'CONSOLE' }),
      `${running === 'DRILL' ? 'Drill' : 'Recovery'} of ${p.name} started.`,
      'The execution did not start',
    );
    setRunning(null);
    if (started) {
      const note = quotaNote(started);
      if (note) flash.info(note);
      navigate(`/executions/${started.executionId}`);
    }
  };

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={p.description}
          actions={
            <SpaceBetween size="xs">
              <SpaceBetween direction="horizontal" size="xs">
                {permissions.has(Permissions.updateRecoveryPlan) && (
                  <Button disabled={!!editReason} disabledReason={editReason} data-testid="edit-plan" onClick={() => navigate(`/recovery-plans/${planId}/edit`)}>
                    Edit
                  </Button>
                )}
                <GuardedButton state={drill} data-testid="run-drill" onClick={() => open('DRILL')}>
                  Run drill
                </GuardedButton>
                <GuardedButton state={recovery} variant="primary" data-testid="run-recovery" onClick={() => open('RECOVERY')}>
                  Run recovery
                </GuardedButton>
              </SpaceBetween>
              <DisabledReasons states={{ 'Run drill': drill, 'Run recovery': recovery }} />
            </SpaceBetween>
          }
        >
          {p.name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Table<Wave>
          data-testid="plan-waves"
          header={<Header variant="h2" counter={`(${p.waves.length})`} description={objectivesText(p)}>Waves</Header>}
          items={p.waves}
          empty={<EmptyState title="This plan has no waves" />}
          columnDefinitions={[
            { id: 'n', header: '#', cell: (w) => p.waves.indexOf(w) + 1 },
            { id: 'name', header: 'Name', cell: (w) => w.name },
            {
              id: 'groups',
              header: 'Protection groups',
              cell: (w) => (
                <SpaceBetween direction="horizontal" size="xs">
                  {w.protectionGroupIds.map((id) => (
                    <RouterLink key={id} href={`/protection-groups/${id}`}>
                      {groupName(id)}
                    </RouterLink>
                  ))}
                </SpaceBetween>
              ),
            },
            { id: 'pause', header: 'Pause before', cell: (w) => (w.pauseBefore ? 'Yes' : 'No') },
            { id: 'deps', header: 'Depends on', cell: (w) => (w.dependsOn?.length ? w.dependsOn.join(', ') : '-') },
            { id: 'policy', header: 'Failure policy', cell: (w) => policyText(w) },
          ]}
        />
        <Readiness planId={planId} />
      </SpaceBetween>

      <ConfirmModal
        visible={running !== null}
        header={running === 'RECOVERY' ? `Run a RECOVERY of ${p.name}` : `Run a drill of ${p.name}`}
        confirmText={running === 'RECOVERY' ? 'Start recovery' : 'Start drill'}
        busy={action.busy}
        confirmDisabled={running === 'RECOVERY' && confirmation !== p.name}
        testId="confirm-run"
        onCancel={() => setRunning(null)}
        onConfirm={() => void start()}
      >
        {running && (
          <SpaceBetween size="m">
            <Box data-testid="run-summary">
              {describeRun(p, running, pauseFirst).map((line) => (
                <Box key={line} variant="p">
                  {line}
                </Box>
              ))}
            </Box>
            {existing.data && existing.data.instances.length > 0 && (
              <Alert type="warning" header="Recovery instances already exist" data-testid="existing-instances">
                {existing.data.instances.length} recovery instance(s) from an earlier run still exist for servers in this plan (
                {existing.data.instances.filter((i) => i.isDrill).length} from drills).
              </Alert>
            )}
            {existing.data && existing.data.unreadableLocations.length > 0 && (
              <Alert type="info" header="Some locations could not be checked">
                Recovery instances could not be read in {existing.data.unreadableLocations.join(', ')}; the check may be incomplete there.
              </Alert>
            )}
            <Checkbox checked={pauseFirst} onChange={(e) => setPauseFirst(e.detail.checked)}>
              Pause before wave 1
            </Checkbox>
            {running === 'RECOVERY' && (
              <FormField label={`Type the plan name (${p.name}) to confirm a real recovery`}>
                <Input value={confirmation} ariaLabel="Plan name confirmation" onChange={(e) => setConfirmation(e.detail.value)} />
              </FormField>
            )}
          </SpaceBetween>
        )}
      </ConfirmModal>
    </ContentLayout>
  );
}

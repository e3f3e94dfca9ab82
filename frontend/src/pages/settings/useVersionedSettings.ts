import type { FieldProblem } from '../../api/validation';
import { fieldProblems } from '../../api/validation';
import { useFlash } from '../../app/flash';
import type { QueryState } from '../../app/useQuery';
import { useDraftForm, type DraftForm } from '../../components/useDraftForm';
import { withinSettings } from './settingsModel';

/** A settings document as GET returns it: the values and the version a PUT must send back. */
export interface VersionedView<S> {
  settings: S;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface VersionedSettingsOptions<S, D> {
  toDraft: (settings: S) => D;
  validate: (draft: D) => FieldProblem[];
  /** The PUT, with the version that was read: a stale one is refused with VERSION_CONFLICT. */
  save: (version: number, draft: D) => Promise<unknown>;
  savedMessage: string;
}

export interface VersionedSettings<V, D> extends DraftForm<D | null> {
  view: V | undefined;
  /** Opens the form on the stored values. */
  edit: () => void;
  /** Leaves the form without saving. */
  close: () => void;
  /** After VERSION_CONFLICT: drops the draft and shows what is stored now. */
  reloadLatest: () => void;
  save: () => Promise<void>;
}

/**
 * A settings section's view/edit cycle: Edit opens a draft of what was read, Save sends it with the
 * version read, and a refusal stays in the form (a conflict offers to reload instead).
 */
export function useVersionedSettings<S, V extends VersionedView<S>, D>(query: QueryState<V>, options: VersionedSettingsOptions<S, D>): VersionedSettings<V, D> {
  const flash = useFlash();
  const { toDraft, validate, save, savedMessage } = options;
  const form = useDraftForm<D | null>(null, (d) => (d ? validate(d) : []), (error) => withinSettings(fieldProblems(error)));
  const view = query.data;

  const close = () => form.reset(null);
  const reloadLatest = () => {
    close();
    query.reload();
  };
  const submit = async () => {
    const draft = form.draft;
    if (!draft || !view) return;
    const saved = await form.submit(() => save(view.version, draft));
    if (!saved) return;
    flash.success(savedMessage);
    close();
    query.reload();
  };

  return {
    ...form,
    view,
    edit: () => {
      if (view) form.reset(toDraft(view.settings));
    },
    close,
    reloadLatest,
    save: submit,
  };
}

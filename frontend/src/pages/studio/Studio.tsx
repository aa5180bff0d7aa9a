import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { keys, useCredits } from '../../api/queries';
import type { Artwork, Job, Model } from '../../api/types';
import { ProblemMessage } from '../../components/ProblemMessage';
import type { InfotextRecipe, RecipeField, RecipeReading } from '../../lib/infotext';
import { FillNotice, type Fill } from './FillNotice';
import { GenerationForm } from './GenerationForm';
import { JobProgress } from './JobProgress';
import { Results } from './Results';
import { isActive, percentOf } from './jobStream';
import { readPngRecipe } from './pngRecipe';
import { seedForRun } from './seed';
import {
  DEFAULT_STRENGTH,
  applyRecipe,
  defaultModel,
  loadForm,
  restoreForm,
  saveForm,
  toSpec,
  withModelDefaults,
  type StudioForm,
} from './studioForm';
import type { FieldErrors } from './fields';
import { useJob } from './useJob';
import { useThrottledTitle } from './useThrottledTitle';

// the API's field names of each part of the form, so editing a part clears the errors it was given
const FIELDS_OF: Partial<Record<keyof StudioForm, string[]>> = { seed: ['seed'], init: ['initArtworkId', 'strength'] };

/**
 * The studio once the models are known. The address carries the job shown (`job`), and once: a variation's
 * starting artwork (`init`) or a recipe to fill (`recipe` with `mode=reuse|remix`).
 */
export function Studio({ models }: { models: Model[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const credits = useCredits();
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState(() => restoreForm(loadForm(), models));
  const [advancedOpen, setAdvancedOpen] = useState(() => form.negativePrompt !== '');
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [fill, setFill] = useState<Fill | null>(null);
  const [dragging, setDragging] = useState(false);
  const jobId = params.get('job');
  const { state: job, adopt, cancel } = useJob(jobId);
  const model = models.find((candidate) => candidate.name === form.model) ?? defaultModel(models);
  const active = isActive(job);

  useEffect(() => saveForm(form), [form]);

  const update = useCallback((patch: Partial<StudioForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const cleared = Object.keys(patch).flatMap((key) => FIELDS_OF[key as keyof StudioForm] ?? [key]);
      if (!cleared.some((field) => field in current)) return current;
      return Object.fromEntries(Object.entries(current).filter(([field]) => !cleared.includes(field)));
    });
  }, []);

  const dropParams = useCallback(
    (...names: string[]) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          names.forEach((name) => next.delete(name));
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  // ?init=<artwork>: a variation of it
  const initParam = params.get('init');
  useEffect(() => {
    if (!initParam) return;
    update({ init: { artworkId: initParam, strength: DEFAULT_STRENGTH } });
    dropParams('init');
  }, [initParam, update, dropParams]);

  // ?recipe=<artwork>&mode=reuse|remix: fill the form with that artwork's recipe
  const recipeParam = params.get('recipe');
  const mode = params.get('mode') === 'remix' ? 'remix' : 'reuse';
  useEffect(() => {
    if (!recipeParam) return;
    const controller = new AbortController();
    api<Artwork>(`/api/artworks/${encodeURIComponent(recipeParam)}`, { signal: controller.signal })
      .then((artwork) => {
        const reading = readingOf(artwork, models, mode);
        setForm((current) => applyRecipe(current, reading.recipe, mode === 'reuse' ? 'keep' : 'new'));
        if (reading.filled.includes('negativePrompt')) setAdvancedOpen(true);
        setFill({ kind: mode, reading });
        dropParams('recipe', 'mode');
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setProblem(error);
        dropParams('recipe', 'mode');
      });
    return () => controller.abort();
  }, [recipeParam, mode, models, dropParams]);

  const readPng = useCallback(
    async (file: File) => {
      const result = await readPngRecipe(file, { schedulers: model.limits.schedulers, models });
      if (result.kind !== 'recipe') {
        setFill({ kind: result.kind, file: file.name });
        return;
      }
      setForm((current) => applyRecipe(current, result.reading.recipe, 'keep'));
      if (result.reading.filled.includes('negativePrompt')) setAdvancedOpen(true);
      setErrors({});
      setFill({ kind: 'png', file: file.name, reading: result.reading });
    },
    [model, models],
  );

  // a pasted PNG fills the form; pasted text goes where it always goes
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const png = [...(event.clipboardData?.files ?? [])].find((file) => file.type === 'image/png');
      if (!png) return;
      event.preventDefault();
      void readPng(png);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [readPng]);

  const generate = async () => {
    if (submitting || active) return;
    const previousSeed = form.seed;
    const run = seedForRun(form.seed);
    const spec = toSpec(form, run.seed);
    setForm((current) => ({ ...current, seed: run.state }));
    setSubmitting(true);
    setProblem(null);
    setErrors({});
    try {
      const created = await api<Job>('/api/generations', { method: 'POST', body: spec });
      adopt(created);
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('job', created.id);
          return next;
        },
        { replace: true },
      );
    } catch (error) {
      // nothing ran: the seed state is as it was
      setForm((current) => ({ ...current, seed: previousSeed }));
      setProblem(error);
      const fieldErrors = error instanceof ApiProblem ? Object.fromEntries(error.errors.map((e) => [e.field.split('.').pop()!, e.message])) : {};
      setErrors(fieldErrors);
      if (fieldErrors.negativePrompt) setAdvancedOpen(true);
    } finally {
      setSubmitting(false);
      void queryClient.invalidateQueries({ queryKey: keys.credits });
    }
  };

  const requestCancel = useCallback(() => {
    cancel().catch((error: unknown) => setProblem(error));
  }, [cancel]);

  // Esc cancels a running job, unless it closes a dialog (the lightbox) first
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      requestCancel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active, requestCancel]);

  // the job's end charges or refunds credits: the header shows the new balance
  const ended = job.phase === 'done' || job.phase === 'failed' || job.phase === 'cancelled';
  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: keys.credits });
  }, [ended, job.jobId, queryClient]);

  useThrottledTitle(
    `${active ? t('studio.titleProgress', { percent: percentOf(job) }) : job.phase === 'done' ? t('studio.titleDone') : t('studio.title')} · ArtMint`,
  );

  const variation = (artwork: Artwork) => {
    update({ init: { artworkId: artwork.id, strength: form.init?.strength ?? DEFAULT_STRENGTH } });
    // the strength is what one sets next
    window.requestAnimationFrame(() => document.getElementById('studio-strength')?.focus());
  };

  const dragDepth = useRef(0);
  const onDrop = (event: DragEvent) => {
    dragDepth.current = 0;
    setDragging(false);
    const file = [...event.dataTransfer.files].find((candidate) => candidate.type === 'image/png' || candidate.name.endsWith('.png'));
    const any = event.dataTransfer.files[0];
    if (!file && !any) return;
    event.preventDefault();
    if (file) void readPng(file);
    else setFill({ kind: 'not-png', file: any.name });
  };

  return (
    <div
      className={dragging ? 'studio dragging' : 'studio'}
      data-testid="studio"
      onDragEnter={(event) => {
        if (!hasFiles(event)) return;
        dragDepth.current += 1;
        setDragging(true);
      }}
      onDragOver={(event) => {
        if (hasFiles(event)) event.preventDefault();
      }}
      onDragLeave={(event) => {
        if (!hasFiles(event)) return;
        // enter and leave come for every child crossed; the count reaches 0 when the pointer leaves the studio
        dragDepth.current = Math.max(0, dragDepth.current - 1);
        if (dragDepth.current === 0) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <h1>{t('studio.heading')}</h1>
      <div className="studio-columns">
        <GenerationForm
          form={form}
          model={model}
          models={models}
          errors={errors}
          busy={submitting || active}
          credits={credits.data}
          advancedOpen={advancedOpen}
          onAdvanced={setAdvancedOpen}
          onChange={update}
          onModel={(chosen) => setForm((current) => withModelDefaults(current, chosen))}
          onGenerate={() => void generate()}
          onPng={(file) => void readPng(file)}
        />
        <div className="studio-output">
          <ProblemMessage error={problem} onDismiss={() => setProblem(null)} />
          <div aria-live="polite">{fill && <FillNotice fill={fill} onDismiss={() => setFill(null)} />}</div>
          <JobProgress job={job} submitting={submitting} onCancel={requestCancel} />
          <Results images={job.images} pending={active ? Math.max(0, job.expected - job.images.length) : 0} onVariation={variation} />
        </div>
      </div>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {t('studio.png.drop')}
        </div>
      )}
    </div>
  );
}

function hasFiles(event: DragEvent): boolean {
  return [...event.dataTransfer.types].includes('Files');
}

/** An artwork's recipe as the form takes it, like a PNG's: what it fills and what is not installed here. */
function readingOf(artwork: Artwork, models: Model[], mode: 'reuse' | 'remix'): RecipeReading {
  const recipe: Partial<InfotextRecipe> = {};
  const filled: RecipeField[] = [];
  const unavailable: RecipeReading['unavailable'] = [];
  if (artwork.prompt !== undefined) {
    recipe.prompt = artwork.prompt;
    filled.push('prompt');
  }
  recipe.negativePrompt = artwork.negativePrompt ?? '';
  if (recipe.negativePrompt !== '') filled.push('negativePrompt');
  const installed = models.find((model) => model.name === artwork.model);
  if (installed) {
    recipe.model = installed.name;
    filled.push('model');
  } else {
    unavailable.push({ field: 'model', value: artwork.model });
  }
  if (artwork.steps !== undefined) {
    recipe.steps = artwork.steps;
    filled.push('steps');
  }
  if (artwork.scheduler !== undefined) {
    if (!installed || installed.limits.schedulers.includes(artwork.scheduler)) {
      recipe.scheduler = artwork.scheduler;
      filled.push('scheduler');
    } else {
      unavailable.push({ field: 'scheduler', value: artwork.scheduler });
    }
  }
  if (artwork.guidance !== undefined) {
    recipe.guidance = artwork.guidance;
    filled.push('guidance');
  }
  recipe.width = artwork.width;
  recipe.height = artwork.height;
  filled.push('size');
  if (mode === 'reuse') {
    recipe.seed = artwork.seed;
    filled.push('seed');
  }
  return { recipe, filled, unavailable, ignored: [] };
}

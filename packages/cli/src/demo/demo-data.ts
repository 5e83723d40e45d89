import { demoCommunityTracks } from './demo-community';
import { DemoCalendar } from './demo-calendar';
import type { DemoClock } from './demo-clock';
import { demoLibraryContents, demoLibraryTracks } from './demo-library';
import { DEMO_PARTNER_REPORTS_PUBLISHED, loadDemoPartnerHistory } from './demo-partner-history';
import { loadDemoPartners } from './demo-partners';
import { PROJECTS, demoProjectId } from './demo-projects';
import {
  DEMO_PRIORITY_COUNT,
  DEMO_WORKSTREAM_COUNT,
  loadDemoProject,
  loadResearchPlan,
  type ClientFor,
} from './demo-register';
import { inTimeOrder, type Track } from './demo-schedule';

export { DEMO_LOADERS, type DemoUser } from './demo-projects';
export type { ClientFor } from './demo-register';

/**
 * The demo data set: the Research Plan and projects in every status of the lifecycle, with
 * reviews (two for the SMS 5 trial), committee decisions, progress reports, an amendment,
 * findings (one with outcome switching) and an OFFICIAL-SENSITIVE project; the talent pool; the
 * academic network with agreements and a partner's outcomes; the library. Loaded through the
 * gateway as the demo users, so it exercises the same rules as any client.
 *
 * With the in-process platform's clock, it has a past: each step is taken on its own date over
 * the two years before today, in time order across the services (decision 0024). Without it
 * (a platform already running, or distributed mode) the same steps, in the same order, are all
 * dated today: the graph has no way to say when something happened.
 */
export interface DemoLoadOptions {
  /** Told what has been loaded, as it goes. */
  readonly progress?: (message: string) => void;
  /**
   * The clock the platform's services were started with: moved to each step's date, then left
   * following real time once the demo is loaded.
   */
  readonly clock?: DemoClock;
}

export interface DemoLoadResult {
  readonly loaded: boolean;
  readonly priorities: number;
  readonly projects: number;
  readonly people: number;
  readonly organisations: number;
  readonly libraryItems: number;
}

const NOTHING_LOADED: DemoLoadResult = {
  loaded: false,
  priorities: 0,
  projects: 0,
  people: 0,
  organisations: 0,
  libraryItems: 0,
};

/** Loads the demo set unless the register already has it; returns what it did. */
export async function loadDemoData(
  clientFor: ClientFor,
  options: DemoLoadOptions = {},
): Promise<DemoLoadResult> {
  const { clock } = options;
  const progress = options.progress ?? (() => undefined);
  try {
    const existing = await clientFor('cat').must<{ researchProject: { id: string } | null }>(
      'query($id: ID!) { researchProject(id: $id) { id } }',
      { id: demoProjectId('demo-hot-spots') },
    );
    if (existing.researchProject) return NOTHING_LOADED;
    const calendar = new DemoCalendar(new Date());
    const history = { clockFollows: clock !== undefined };
    let people = 0;
    let organisations = 0;
    const tracks: Track[] = [
      async (at) => {
        await loadResearchPlan(clientFor('cat'), clientFor('rob'), calendar, at);
        progress(
          `${DEMO_PRIORITY_COUNT} Research Plan priorities, the plan agreed, and ${DEMO_WORKSTREAM_COUNT} EBP Programme work streams`,
        );
      },
      ...PROJECTS.map((project): Track => async (at) => {
        await loadDemoProject(project, clientFor, calendar, at);
        progress(`project: ${project.title}`);
      }),
      ...demoCommunityTracks(clientFor('ada'), calendar, (registered) => {
        people = registered;
        progress(`${people} people in the talent pool`);
      }),
      async (at) => {
        organisations = await loadDemoPartners(clientFor('ada'), calendar, at);
        progress(`${organisations} partner organisations`);
      },
      (at) =>
        loadDemoPartnerHistory(
          { admin: clientFor('ada'), moderator: clientFor('rob'), committee: clientFor('cat') },
          calendar,
          at,
        ),
      ...demoLibraryTracks(
        {
          editor: clientFor('rob'),
          committee: clientFor('cat'),
          attendees: [clientFor('rae'), clientFor('rob')],
        },
        calendar,
        history,
      ),
    ];
    await inTimeOrder(clock, tracks);
    const library = demoLibraryContents(history);
    const libraryItems = library.items + DEMO_PARTNER_REPORTS_PUBLISHED;
    progress(
      `${libraryItems} library items, ${library.masterClasses} master classes, ${library.networks} learning networks, ${library.courses} courses`,
    );
    return {
      loaded: true,
      priorities: DEMO_PRIORITY_COUNT,
      projects: PROJECTS.length,
      people,
      organisations,
      libraryItems,
    };
  } finally {
    // Loaded or not, the platform runs on real time from here on.
    clock?.release();
  }
}

export const DEMO_PROJECT_COUNT = PROJECTS.length;

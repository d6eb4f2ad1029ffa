import { defaultOfficeInput, parseOffice } from '../config/office';
import { findPersonalData, screenContext } from '../services/privacy';

/**
 * The personal-data screen on a 2,000-character statusaanpassing text as the MT writes it (dates,
 * periods, colleagues, gemeenten, partner organisations, case numbers, counts): p50 / p99 / max of
 * findPersonalData over many runs, after the name lists are loaded. Goal: p99 under 1 ms. Also the
 * per-submit preparation (staff index of 200 colleagues) and the one-time load of the name lists.
 */
const PARAGRAPH = [
  'Vanaf 14 december 2026 doen we alleen kern en ring 1; ring 2 wordt soberder en ring 3 pauzeert tot 1 maart 2027.',
  'Daan neemt de casussen van Sanne over, Fatima (MT) besluit op 19-01-2027 om 9:30 over verlenging.',
  'Zitting bij de kantonrechter blijft doorgaan; MDO\'s zonder directe betrokkenheid, zoals het jeugdoverleg van het Zorg- en Veiligheidshuis, vervallen.',
  'Overleg met gemeente Houten, Zeist en De Bilt en met Veilig Thuis over de thuiszitterstafel in schooljaar 2026-2027.',
  'Preventieve gesprekken gaan online door, maximaal 16 uur per week; casussen C-2026-0412 en C-2026-0413 houden voorrang.',
  'Noord heeft 62 open casussen (norm 60), Zuid 48; de buffercollega in Noord pakt 5 casussen op vanaf week 2.',
  'Partners worden geïnformeerd via de nieuwsbrief van december en de contactpersonen bij het Samenwerkingsverband VO Utrecht.',
].join(' ');

function text2000(): string {
  let text = '';
  while (text.length < 2000) text += `${PARAGRAPH} `;
  return text.slice(0, 2000);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

export async function run(): Promise<void> {
  const office = parseOffice(defaultOfficeInput);
  const staff = Array.from({ length: 200 }, (_, i) => `${['Sanne', 'Daan', 'Fatima', 'Ruben', 'Noor', 'Milan', 'Iris', 'Bram'][i % 8]} Collega${i}`);
  const today = { year: 2026, month: 11, day: 24 };

  let started = process.hrtime.bigint();
  const ctx = await screenContext({ office, today, staffNames: staff });
  const loadMs = Number(process.hrtime.bigint() - started) / 1e6;

  const prep: number[] = [];
  for (let i = 0; i < 200; i++) {
    started = process.hrtime.bigint();
    await screenContext({ office, today, staffNames: staff });
    prep.push(Number(process.hrtime.bigint() - started) / 1e6);
  }

  const text = text2000();
  const findings = findPersonalData(text, ctx);
  for (let i = 0; i < 500; i++) findPersonalData(text, ctx);
  const times: number[] = [];
  // CPU time per run as well: on a shared machine a run that is descheduled takes longer on the
  // clock without the screen doing more work.
  const cpu: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    const cpuBefore = process.cpuUsage();
    started = process.hrtime.bigint();
    findPersonalData(text, ctx);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  prep.sort((a, b) => a - b);
  const p99 = percentile(times, 99);
  console.log(`screening a ${text.length}-character text, ${times.length} runs: p50 ${percentile(times, 50).toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, max ${times.at(-1)!.toFixed(3)} ms (goal p99 < 1 ms: ${p99 < 1 ? 'met' : 'NOT met'}); ${findings.length} findings`);
  console.log(`  CPU time per run: p50 ${percentile(cpu, 50).toFixed(3)} ms, p99 ${percentile(cpu, 99).toFixed(3)} ms`);
  console.log(`per-submit preparation (200 colleagues): p50 ${percentile(prep, 50).toFixed(3)} ms, p99 ${percentile(prep, 99).toFixed(3)} ms; first load of the name lists ${loadMs.toFixed(0)} ms`);
}

// The package ships no types; this declares only the part of its library API the gate calls.
declare module '@doyensec/electronegativity' {
  interface Issue {
    id: string;
    file: string;
    location: { line: number; column: number };
    severity: { name: string };
    sample?: string;
  }
  export default function run(options: {
    input: string;
    electronVersionOverride?: string;
  }): Promise<{ issues: Issue[]; errors: { file: string; message: string }[] }>;
}

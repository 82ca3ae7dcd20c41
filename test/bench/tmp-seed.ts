import { seedCliFolder } from '/work/main/test/bench/cli-seed';
const s = await seedCliFolder(process.argv[2]!, 1000);
console.log(s.vaultName, s.entries[500]!.name);

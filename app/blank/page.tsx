// The benchmarks' baseline (bench/): a page of this build that uses no project component.
export default function BlankPage() {
  return <p id="blank">blank</p>;
}
